import "../domain/zod-config";
import { z } from "zod";
import { Target } from "../domain/definition";
import { Interval } from "./tallies";

/** The change from the previous wave, in percentage points, with Newcombe's 95% interval. */
export const TrendChange = z.object({
  fromWave: z.number().int(),
  points: z.number(),
  ci95: Interval,
  /** The interval excludes 0: the change is larger than its uncertainty. */
  significant: z.boolean(),
});

export const TrendPoint = z.object({
  wave: z.number().int(),
  n: z.number().int(),
  positive: z.number().int(),
  percent: z.number().nullable(),
  ci95: Interval.nullable(),
  verdict: z.enum(["met", "not_met"]).nullable(),
  change: TrendChange.nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** GET /surveys/:id/trend: each indicator per wave (fiscal year), oldest first. */
export const Trend = z.object({
  surveyId: z.string(),
  waves: z.array(z.number().int()),
  indicators: z.array(z.object({ id: z.string(), target: Target.nullable(), points: z.array(TrendPoint) })),
});
export type Trend = z.infer<typeof Trend>;
