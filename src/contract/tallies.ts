import "../domain/zod-config";
import { z } from "zod/mini";
import { GroupEstimate, IndicatorEstimate, Verdict } from "../domain/tally";
import { WeightedEstimate } from "../domain/weighting";

/**
 * The post-stratified estimate beside the unweighted one: population cells from the uploaded
 * register totals, the interval from Kish's effective sample size, and the cells that had nobody.
 * `?blanks=` says what a blank weighting answer does (WeightedEstimate's `blanks`).
 */
export const WeightedTally = z.extend(WeightedEstimate, {
  /**
   * The estimate is withheld (every figure null): a group of a weighting question is hidden in its
   * breakdown, and the weighted percent and n_eff, with the population known, would solve it.
   */
  suppressed: z.boolean(),
  n: z.nullable(WeightedEstimate.shape.n),
  nEffective: z.nullable(WeightedEstimate.shape.nEffective),
  verdict: z.nullable(Verdict),
  /** Respondents in the indicator's base the estimate leaves out, and why: never silently. */
  leftOut: z.nullable(WeightedEstimate.shape.leftOut),
});
export type WeightedTally = z.infer<typeof WeightedTally>;

export const IndicatorTally = z.extend(IndicatorEstimate, {
  /** A breakdown's groups (`?by=`). */
  groups: z.optional(z.array(GroupEstimate)),
  /** Present when population totals were uploaded for the survey. */
  weighted: z.optional(WeightedTally),
});
export type IndicatorTally = z.infer<typeof IndicatorTally>;

export const Tallies = z.object({
  surveyId: z.string(),
  wave: z.nullable(z.number().check(z.int())),
  by: z.nullable(z.string()),
  indicators: z.array(IndicatorTally),
});
export type Tallies = z.infer<typeof Tallies>;
