import type { IndicatorTally } from "./contract";
import type { SurveyDefinition } from "./definition";
import type { Response } from "./response";
import { countOptions, estimate, verdict } from "./tally";

/**
 * Each indicator of `def` over responses held in memory (a kiosk's own, for the closing
 * announcement at an event), by the same estimate and verdict as the collector's tallies. Counting
 * an in-memory answer per response is what the collector's GROUP BY over answer_choices does;
 * indicators are single-choice questions (the definition schema insists), and responses to other
 * surveys are left out.
 */
export function tallyResponses(def: SurveyDefinition, responses: Iterable<Response>): IndicatorTally[] {
  const own = [...responses].filter((r) => r.surveyId === def.id);
  return def.indicators.map((indicator) => {
    const total = estimate(indicator, countOptions(own.map((r) => r.answers[indicator.questionId])));
    return {
      id: indicator.id,
      ...total,
      target: indicator.target ?? null,
      verdict: verdict(total.percent, indicator.target, total.n, def.minCell),
    };
  });
}
