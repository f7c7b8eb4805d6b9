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
  /** Present when the table's wave has population totals (`weighting` says whose). */
  weighted: z.optional(WeightedTally),
});
export type IndicatorTally = z.infer<typeof IndicatorTally>;

/**
 * Which register totals weighted the estimates. `wave`: the wave's own (`wave` names it);
 * `survey_wide`: those stored before totals were kept per wave, standing for a wave without its own
 * (and, while no wave has its own, for every wave pooled); `none`: no totals, no weighted estimate;
 * `not_pooled`: every wave pooled while waves have registers of their own, which one weighting
 * cannot honestly serve, so no weighted estimate (each wave's is in its own table).
 */
export const WEIGHTING_TOTALS = ["wave", "survey_wide", "none", "not_pooled"] as const;
export const Weighting = z.object({
  totals: z.enum(WEIGHTING_TOTALS),
  /** The fiscal year of the totals used, when they are a wave's own. */
  wave: z.nullable(z.number().check(z.int())),
  uploadedAt: z.nullable(z.string()),
});
export type Weighting = z.infer<typeof Weighting>;

export const Tallies = z.object({
  surveyId: z.string(),
  wave: z.nullable(z.number().check(z.int())),
  by: z.nullable(z.string()),
  /** Absent from a collector older than per-wave population totals. */
  weighting: z.optional(Weighting),
  indicators: z.array(IndicatorTally),
});
export type Tallies = z.infer<typeof Tallies>;
