import "./zod-config";
import { z } from "zod/mini";
import { type Indicator, Target } from "./definition";
import type { Answer } from "./response";

/** z for a two-sided 95% interval. */
export const Z95 = 1.959964;

/** How many responses chose each option of one question: what SQL's GROUP BY and the app's loop both give. */
export type OptionCounts = Readonly<Record<string, number>>;

/** A count of responses. */
export const Count = z.number().check(z.int());

/** A 95% interval in percent, [low, high]. */
export const Interval = z.tuple([z.number(), z.number()]);

/** A share: `positive` of the base `n`. */
export const Estimate = z.object({
  n: Count,
  positive: Count,
  /** 0–100, or null when the base is empty. */
  percent: z.nullable(z.number()),
  /** Wilson 95% score interval in percent, or null when the base is empty. */
  ci95: z.nullable(Interval),
});
export type Estimate = z.infer<typeof Estimate>;

/** 達成 / 未達成 against an indicator's target. */
export const Verdict = z.enum(["met", "not_met"]);
export type Verdict = z.infer<typeof Verdict>;

/** An indicator's estimate with its target and verdict (null below the minimum cell or without a target). */
export const IndicatorEstimate = z.extend(Estimate, {
  id: z.string(),
  target: z.nullable(Target),
  verdict: z.nullable(Verdict),
});
export type IndicatorEstimate = z.infer<typeof IndicatorEstimate>;

const clampPercent = (x: number) => Math.min(100, Math.max(0, x));

/** Wilson's score interval for `positive` out of `n`, in percent, clamped to [0, 100]. */
export function wilson(positive: number, n: number, z: number = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = positive / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0/n and n/n the exact bound is 0 or 100, but the formula's rounding can land just inside
  // (100/100 gave 99.99999999999999), leaving the interval without its own percent: pin them.
  const lo = positive <= 0 ? 0 : clampPercent((centre - half) * 100);
  const hi = positive >= n ? 100 : clampPercent((centre + half) * 100);
  // +0 turns the -0 that clamping can leave into 0, so JSON and CSV never show "-0".
  return [lo + 0, hi + 0];
}

/**
 * An indicator's estimate from its question's option counts. The base is every answer except those
 * in excludeFromBase (「わからない」); blank and unshown answers never reach the counts.
 */
export function estimate(
  indicator: Pick<Indicator, "positive" | "excludeFromBase">,
  counts: OptionCounts,
): Estimate {
  let n = 0;
  let positive = 0;
  for (const [option, count] of Object.entries(counts)) {
    if (indicator.excludeFromBase.includes(option)) continue;
    n += count;
    if (indicator.positive.includes(option)) positive += count;
  }
  // (positive * 100) / n, not (positive / n) * 100: 57/100 * 100 is 56.99999999999999, which
  // would read 未達成 against a 57% target. The integer product keeps exact shares exact.
  return { n, positive, percent: n > 0 ? (positive * 100) / n : null, ci95: wilson(positive, n) };
}

/**
 * 達成 / 未達成 against the target. Below the survey's minimum cell there is no verdict: a handful
 * of answers (n = 3, 2 yes) would otherwise be announced as 未達成 as firmly as a thousand.
 */
export function verdict(
  percent: number | null,
  target: Target | undefined,
  n: number,
  minCell: number,
): Verdict | null {
  if (percent === null || !target || n < minCell) return null;
  const met = target.op === ">=" ? percent >= target.value : percent <= target.value;
  return met ? "met" : "not_met";
}

/** Counts per option of a single-choice question over in-memory answers (the app's path). */
export function countOptions(answers: Iterable<Answer | undefined>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) if (typeof a === "string") counts[a] = (counts[a] ?? 0) + 1;
  return counts;
}

/** A group of a breakdown; below the minimum cell it is suppressed and carries no counts. */
export const GroupEstimate = z.extend(Estimate, {
  key: z.string(),
  n: z.nullable(Count),
  positive: z.nullable(Count),
  suppressed: z.boolean(),
});
export type GroupEstimate = z.infer<typeof GroupEstimate>;

/** A breakdown's groups; a group whose base is below minCell is suppressed and carries no counts. */
export function groupEstimates(
  indicator: Pick<Indicator, "positive" | "excludeFromBase">,
  countsByGroup: ReadonlyMap<string, OptionCounts>,
  minCell: number,
): GroupEstimate[] {
  return [...countsByGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, counts]) => {
      const e = estimate(indicator, counts);
      return e.n < minCell
        ? { key, n: null, positive: null, percent: null, ci95: null, suppressed: true }
        : { key, ...e, suppressed: false };
    });
}
