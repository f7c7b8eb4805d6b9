import "./zod-config";
import { z } from "zod/mini";
import type { SurveyDefinition } from "./definition";
import type { Response } from "./response";
import { Count, countOptions, estimate, IndicatorEstimate, verdict } from "./tally";

/**
 * One indicator at an event, from a kiosk's own responses. An event is a group of the tallies'
 * by=event, so below the survey's minimum cell it is hidden as that group is: no positive count,
 * percent, interval or verdict (3 of 3 "yes" on a shared screen would tell each person's answer).
 * n stays: the staff panel counts the event's responses anyway.
 */
export const EventIndicatorTally = z.extend(IndicatorEstimate, {
  positive: z.nullable(Count),
  suppressed: z.boolean(),
});
export type EventIndicatorTally = z.infer<typeof EventIndicatorTally>;

/**
 * Each indicator of `def` over responses held in memory (a kiosk's own, for the closing
 * announcement at an event), by the same estimate and verdict as the collector's tallies. Counting
 * an in-memory answer per response is what the collector's GROUP BY over answer_choices does;
 * indicators are single-choice questions (the definition schema insists), and responses to other
 * surveys are left out.
 */
export function tallyResponses(def: SurveyDefinition, responses: Iterable<Response>): EventIndicatorTally[] {
  const own = [...responses].filter((r) => r.surveyId === def.id);
  return def.indicators.map((indicator) => {
    const total = estimate(indicator, countOptions(own.map((r) => r.answers[indicator.questionId])));
    const target = indicator.target ?? null;
    if (total.n < def.minCell)
      return {
        id: indicator.id,
        n: total.n,
        positive: null,
        percent: null,
        ci95: null,
        target,
        verdict: null,
        suppressed: true,
      };
    return {
      id: indicator.id,
      ...total,
      target,
      verdict: verdict(total.percent, indicator.target, total.n, def.minCell),
      suppressed: false,
    };
  });
}
