import "../domain/zod-config";
import { z } from "zod/mini";
import { Target } from "../domain/definition";
import { Estimate, Verdict } from "../domain/tally";
import { Change } from "../domain/trend";

const wave = z.number().check(z.int());

/** The change from the previous wave, in percentage points, with Newcombe's 95% interval. */
export const TrendChange = z.extend(Change, { fromWave: wave });

/** One indicator in one wave (fiscal year). */
export const TrendPoint = z.extend(Estimate, {
  wave,
  verdict: z.nullable(Verdict),
  change: z.nullable(TrendChange),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** GET /surveys/:id/trend: each indicator per wave (fiscal year), oldest first. */
export const Trend = z.object({
  surveyId: z.string(),
  waves: z.array(wave),
  indicators: z.array(z.object({ id: z.string(), target: z.nullable(Target), points: z.array(TrendPoint) })),
});
export type Trend = z.infer<typeof Trend>;
