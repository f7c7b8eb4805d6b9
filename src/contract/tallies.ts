import "../domain/zod-config";
import { z } from "zod";
import { Target } from "../domain/definition";
import { BLANK_TREATMENTS } from "../domain/weighting";

/** A 95% interval in percent, [low, high]. */
export const Interval = z.tuple([z.number(), z.number()]);

export const TallyGroup = z.object({
  key: z.string(),
  n: z.number().int().nullable(),
  positive: z.number().int().nullable(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  suppressed: z.boolean(),
});

/**
 * The post-stratified estimate beside the unweighted one: population cells from the uploaded
 * register totals, the interval from Kish's effective sample size, and the cells that had nobody.
 */
export const WeightedTally = z.object({
  /**
   * The estimate is withheld (every figure null): a group of a weighting question is hidden in its
   * breakdown, and the weighted percent and n_eff, with the population known, would solve it.
   */
  suppressed: z.boolean(),
  n: z.number().int().nullable(),
  nEffective: z.number().nullable(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  verdict: z.enum(["met", "not_met"]).nullable(),
  cellsWithoutRespondents: z.array(z.string()),
  /** `?blanks=`: a blank weighting answer left out (`exclude`) or kept at weight 1 (`keep`). */
  blanks: z.enum(BLANK_TREATMENTS),
  /** Respondents in the indicator's base the estimate leaves out, and why: never silently. */
  leftOut: z.object({ blankAnswer: z.number().int(), noPopulation: z.number().int() }).nullable(),
});
export type WeightedTally = z.infer<typeof WeightedTally>;

export const IndicatorTally = z.object({
  id: z.string(),
  n: z.number().int(),
  positive: z.number().int(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  target: Target.nullable(),
  verdict: z.enum(["met", "not_met"]).nullable(),
  groups: z.array(TallyGroup).optional(),
  /** Present when population totals were uploaded for the survey. */
  weighted: WeightedTally.optional(),
});
export type IndicatorTally = z.infer<typeof IndicatorTally>;

export const Tallies = z.object({
  surveyId: z.string(),
  wave: z.number().int().nullable(),
  by: z.string().nullable(),
  indicators: z.array(IndicatorTally),
});
export type Tallies = z.infer<typeof Tallies>;
