import type { Indicator } from "./definition";
import { type OptionCounts, wilson } from "./tally";

export interface WeightedEstimate {
  /** Respondents in the base across the cells that had any. */
  n: number;
  /** Kish's effective sample size: the n an unweighted sample of the same precision would need. */
  nEffective: number;
  percent: number | null;
  ci95: [number, number] | null;
  /** Population cells with no respondent in the base: their share is spread over the others. */
  cellsWithoutRespondents: string[];
}

/**
 * Post-stratified share: each population cell (age group × sex, say) weighs as its share of the
 * register's population, not of the sample. Respondents of cell h carry weight W_h / n_h, so
 * Σw = 1 and Σw² = Σ W_h² / n_h, and Kish's n_eff = (Σw)² / Σw² = 1 / Σ(W_h² / n_h). The interval
 * is Wilson's at n_eff: the weights' loss of precision widens it.
 */
export function postStratify(
  indicator: Pick<Indicator, "positive" | "excludeFromBase">,
  countsByCell: ReadonlyMap<string, OptionCounts>,
  population: ReadonlyMap<string, number>,
): WeightedEstimate {
  const covered: { share: number; n: number; p: number }[] = [];
  const missing: string[] = [];
  let coveredPopulation = 0;
  let n = 0;
  for (const [cell, size] of population) {
    if (!(size > 0)) continue;
    let base = 0;
    let positive = 0;
    for (const [option, count] of Object.entries(countsByCell.get(cell) ?? {})) {
      if (indicator.excludeFromBase.includes(option)) continue;
      base += count;
      if (indicator.positive.includes(option)) positive += count;
    }
    if (base === 0) {
      missing.push(cell);
      continue;
    }
    covered.push({ share: size, n: base, p: positive / base });
    coveredPopulation += size;
    n += base;
  }
  if (covered.length === 0)
    return { n: 0, nEffective: 0, percent: null, ci95: null, cellsWithoutRespondents: missing };
  let p = 0;
  let sumW2 = 0;
  for (const c of covered) {
    const W = c.share / coveredPopulation;
    p += W * c.p;
    sumW2 += (W * W) / c.n;
  }
  const nEffective = 1 / sumW2;
  const ci = wilson(p * nEffective, nEffective);
  return { n, nEffective, percent: p * 100, ci95: ci, cellsWithoutRespondents: missing.sort() };
}
