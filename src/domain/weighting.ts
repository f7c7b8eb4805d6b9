import "./zod-config";
import { z } from "zod/mini";
import type { Indicator } from "./definition";
import { Count, estimate, Interval, type OptionCounts, wilson } from "./tally";

/**
 * What the weighted estimate does with respondents in the indicator's base who left a weighting
 * question blank (they belong to no population cell). `exclude`: they are left out, and the count
 * is stated beside the estimate. `keep`: they form a cell of their own that weighs as their share of
 * the sample (weight 1, as if unweighted), and the population cells share the rest.
 */
export const BLANK_TREATMENTS = ["exclude", "keep"] as const;
export const BlankTreatment = z.enum(BLANK_TREATMENTS);
export type BlankTreatment = z.infer<typeof BlankTreatment>;

export const WeightedEstimate = z.object({
  /** Respondents in the base that the estimate stands on. */
  n: Count,
  /** Kish's effective sample size: the n an unweighted sample of the same precision would need. */
  nEffective: z.number(),
  percent: z.nullable(z.number()),
  ci95: z.nullable(Interval),
  /** Population cells with no respondent in the base: their share is spread over the others. */
  cellsWithoutRespondents: z.array(z.string()),
  blanks: BlankTreatment,
  /**
   * Respondents in the indicator's base the estimate leaves out: a blank weighting answer (under
   * `exclude`), or a cell the population file gives no (or 0) residents, which the upload refuses
   * but responses that arrive after it can still fill. Said beside the estimate, never silent.
   */
  leftOut: z.object({ blankAnswer: Count, noPopulation: Count }),
});
export type WeightedEstimate = z.infer<typeof WeightedEstimate>;

interface Stratum {
  /** The stratum's share of the whole, 0–1. */
  W: number;
  n: number;
  positive: number;
}

/**
 * Post-stratified share: each population cell (age group × area, say) weighs as its share of the
 * register's population, not of the sample. Respondents of cell h carry weight W_h / n_h, so
 * Σw = 1 and Σw² = Σ W_h² / n_h, and Kish's n_eff = (Σw)² / Σw² = 1 / Σ(W_h² / n_h). The interval
 * is Wilson's at n_eff: the weights' loss of precision widens it.
 *
 * `total` is the indicator question's counts over every respondent in scope (in a cell or not):
 * the respondents in no cell are total − Σ cells, which is how the blank weighting answers are
 * counted. Without it nobody is taken to be blank.
 */
export function postStratify(
  indicator: Pick<Indicator, "positive" | "excludeFromBase">,
  countsByCell: ReadonlyMap<string, OptionCounts>,
  population: ReadonlyMap<string, number>,
  options: { total?: OptionCounts; blanks?: BlankTreatment } = {},
): WeightedEstimate {
  const blanks = options.blanks ?? "exclude";
  const covered: Stratum[] = [];
  const missing: string[] = [];
  let coveredPopulation = 0;
  let inCells = { n: 0, positive: 0 };
  let noPopulation = 0;
  for (const [cell, counts] of countsByCell) {
    const e = estimate(indicator, counts);
    inCells = { n: inCells.n + e.n, positive: inCells.positive + e.positive };
    if (!((population.get(cell) ?? 0) > 0)) noPopulation += e.n;
  }
  for (const [cell, size] of population) {
    if (!(size > 0)) continue;
    const e = estimate(indicator, countsByCell.get(cell) ?? {});
    if (e.n === 0) {
      missing.push(cell);
      continue;
    }
    covered.push({ W: size, n: e.n, positive: e.positive });
    coveredPopulation += size;
  }
  const all = options.total ? estimate(indicator, options.total) : inCells;
  const blank = { n: Math.max(0, all.n - inCells.n), positive: Math.max(0, all.positive - inCells.positive) };
  const coveredN = covered.reduce((sum, c) => sum + c.n, 0);
  const keepBlank = blanks === "keep" && blank.n > 0;
  // Under `keep` the blanks weigh as their share of the sample the estimate stands on.
  const blankShare = keepBlank ? blank.n / (blank.n + coveredN) : 0;
  const strata: Stratum[] = covered.map((c) => ({ ...c, W: (c.W / coveredPopulation) * (1 - blankShare) }));
  if (keepBlank) strata.push({ W: blankShare, n: blank.n, positive: blank.positive });
  const leftOut = { blankAnswer: keepBlank ? 0 : blank.n, noPopulation };
  const n = strata.reduce((sum, s) => sum + s.n, 0);
  if (covered.length === 0)
    return {
      n: 0,
      nEffective: 0,
      percent: null,
      ci95: null,
      cellsWithoutRespondents: missing.sort(),
      blanks,
      leftOut: { blankAnswer: blank.n, noPopulation },
    };
  let p = 0;
  let sumW2 = 0;
  for (const s of strata) {
    p += (s.W * s.positive) / s.n;
    sumW2 += (s.W * s.W) / s.n;
  }
  const nEffective = 1 / sumW2;
  const ci = wilson(p * nEffective, nEffective);
  return {
    n,
    nEffective,
    percent: p * 100,
    ci95: ci,
    cellsWithoutRespondents: missing.sort(),
    blanks,
    leftOut,
  };
}

/**
 * The cells that have respondents but no population (left out of the file, or given 0): each would
 * drop its respondents from every weighted estimate without a word, so an upload naming them is
 * refused. Sorted, so the refusal reads the same every time.
 */
export function cellsMissingPopulation(
  respondentCells: Iterable<string>,
  population: ReadonlyMap<string, number>,
): string[] {
  const missing = new Set<string>();
  for (const cell of respondentCells) if (!((population.get(cell) ?? 0) > 0)) missing.add(cell);
  return [...missing].sort();
}
