import "../domain/zod-config";
import { z } from "zod/mini";
import { Target } from "../domain/definition";
import { Estimate, Verdict } from "../domain/tally";
import { Change } from "../domain/trend";
import { SeriesBreakAt } from "../domain/wave-breaks";

const wave = z.number().check(z.int());

/** The change from the previous wave, in percentage points, with Newcombe's 95% interval. */
export const TrendChange = z.extend(Change, { fromWave: wave });

/**
 * One indicator in one wave (fiscal year). `seriesBreak`: the indicator's definition differs between
 * a version answered in the previous wave and one answered in this one (its question, the
 * question's options, its positive or excluded options), with each reason as a stable code; then
 * `change` is null, since it would compare different questions. Null where the series continues;
 * optional so that a client reads an endpoint that predates it (absent: no break known).
 */
export const TrendPoint = z.extend(Estimate, {
  wave,
  verdict: z.nullable(Verdict),
  change: z.nullable(TrendChange),
  seriesBreak: z.optional(z.nullable(SeriesBreakAt)),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** GET /surveys/:id/trend: each indicator per wave (fiscal year), oldest first. */
export const Trend = z.object({
  surveyId: z.string(),
  waves: z.array(wave),
  indicators: z.array(z.object({ id: z.string(), target: z.nullable(Target), points: z.array(TrendPoint) })),
});
export type Trend = z.infer<typeof Trend>;
