import { seededRandom } from "../harness/fixtures/seeded-random";
import { median } from "./median";

/**
 * A 95 % interval for the ratio of two medians measured in alternating pairs (run i of `a` beside run
 * i of `b`), by the paired bootstrap: resampling whole pairs keeps what the alternation is for, that
 * a load blip on the shared machine weighs on both sides of a pair. The first question's runs spread
 * over a factor of two within one run, so its ratio is printed with this interval, not alone.
 * Seeded, so that the same runs always give the same interval.
 */
export function ratioOfMediansInterval(
  a: readonly number[],
  b: readonly number[],
  { resamples = 2000, seed = 1 }: { resamples?: number; seed?: number } = {},
): { low: number; high: number } {
  if (a.length !== b.length || a.length === 0)
    throw new Error(`paired runs needed: ${a.length} against ${b.length}`);
  const random = seededRandom(seed);
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const pick = Array.from({ length: a.length }, () => Math.floor(random() * a.length));
    ratios.push(median(pick.map((i) => a[i] as number)) / median(pick.map((i) => b[i] as number)));
  }
  ratios.sort((x, y) => x - y);
  return {
    low: ratios[Math.floor(resamples * 0.025)] as number,
    high: ratios[Math.ceil(resamples * 0.975) - 1] as number,
  };
}
