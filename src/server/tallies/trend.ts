import type { Trend, TrendPoint } from "../../contract/trend";
import type { SurveyDefinition } from "../../domain/definition";
import { estimate, verdict } from "../../domain/tally";
import { changeBetween } from "../../domain/trend";
import type { TallyStorage } from "../storage/tally-storage";

/**
 * Each indicator in every wave that has answers, oldest first, with the change from the wave
 * before it (the previous one present in the data) and whether that change exceeds Newcombe's
 * interval. Labels (令和N年度 / FY) are the reader's business.
 */
export async function computeTrend(
  storage: Pick<TallyStorage, "countOptionsByWave">,
  def: SurveyDefinition,
): Promise<Trend> {
  const rows = await storage.countOptionsByWave({
    surveyId: def.id,
    wave: null,
    questionIds: def.indicators.map((i) => i.questionId),
  });
  const waves = [...new Set(rows.map((r) => r.wave))].sort((a, b) => a - b);
  const counts = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const key = `${r.questionId}\u0000${r.wave}`;
    const options = counts.get(key) ?? {};
    options[r.optionId] = r.count;
    counts.set(key, options);
  }
  const indicators = def.indicators.map((indicator) => {
    const points: TrendPoint[] = [];
    for (const wave of waves) {
      const e = estimate(indicator, counts.get(`${indicator.questionId}\u0000${wave}`) ?? {});
      const previous = points.at(-1);
      const change = previous && previous.n > 0 && e.n > 0 ? changeBetween(previous, e) : null;
      points.push({
        wave,
        ...e,
        verdict: verdict(e.percent, indicator.target, e.n, def.minCell),
        change: previous && change ? { fromWave: previous.wave, ...change } : null,
      });
    }
    return { id: indicator.id, target: indicator.target ?? null, points };
  });
  return { surveyId: def.id, waves, indicators };
}
