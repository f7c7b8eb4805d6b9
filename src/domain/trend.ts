import "./zod-config";
import { z } from "zod/mini";
import { Interval, wilson } from "./tally";

export const Change = z.object({
  /** Percentage points, later minus earlier. */
  points: z.number(),
  /** Newcombe's 95% interval of the difference, in percentage points. */
  ci95: Interval,
  /** Whether the interval excludes 0: the change is larger than its uncertainty. */
  significant: z.boolean(),
});
export type Change = z.infer<typeof Change>;

/**
 * The change between two waves' shares with Newcombe's hybrid score interval (his method 10), built
 * from the two Wilson intervals the dashboard already shows, so the pieces agree with each other.
 */
export function changeBetween(
  earlier: { positive: number; n: number },
  later: { positive: number; n: number },
): Change | null {
  const a = wilson(earlier.positive, earlier.n);
  const b = wilson(later.positive, later.n);
  if (!a || !b) return null;
  // Multiply first, as estimate() does, so the points match the published percentages exactly.
  const p1 = (earlier.positive * 100) / earlier.n;
  const p2 = (later.positive * 100) / later.n;
  const d = p2 - p1;
  const lo = d - Math.sqrt((p2 - b[0]) ** 2 + (a[1] - p1) ** 2);
  const hi = d + Math.sqrt((b[1] - p2) ** 2 + (p1 - a[0]) ** 2);
  return { points: d, ci95: [lo, hi], significant: lo > 0 || hi < 0 };
}
