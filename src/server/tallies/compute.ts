import { estimate, type IndicatorTally, type SurveyDefinition, type Tallies, verdict } from "../../survey";
import type { Storage } from "../storage";
import { breakdown } from "./breakdown";

/**
 * The survey's indicators (as its latest version defines them) over every stored version, matched
 * by question and option id: counts come from SQL, the percentages from the shared tally math.
 */
export async function computeTallies(
  storage: Storage,
  def: SurveyDefinition,
  options: { wave: number | null; by: string | null },
): Promise<Tallies> {
  const query = {
    surveyId: def.id,
    wave: options.wave,
    questionIds: def.indicators.map((i) => i.questionId),
  };
  const counts = await storage.countOptions(query);
  const grouped = options.by
    ? await storage.countOptionsBy({ ...query, byQuestionId: options.by })
    : undefined;

  const indicators = def.indicators.map((indicator): IndicatorTally => {
    const total = estimate(indicator, counts.get(indicator.questionId) ?? {});
    return {
      id: indicator.id,
      ...total,
      target: indicator.target ?? null,
      verdict: verdict(total.percent, indicator.target),
      ...(grouped && {
        groups: breakdown(indicator, grouped.get(indicator.questionId) ?? new Map(), total.n, def.minCell),
      }),
    };
  });
  return { surveyId: def.id, wave: options.wave, by: options.by, indicators };
}
