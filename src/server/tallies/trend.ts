import type { Trend, TrendPoint } from "../../contract/trend";
import type { SurveyDefinition } from "../../domain/definition";
import { estimate, verdict } from "../../domain/tally";
import { changeBetween } from "../../domain/trend";
import { breakBetweenWaves, type SeriesBreakAt, type WaveVersions } from "../../domain/wave-breaks";
import type { TallyStorage } from "../storage/tally-storage";
import type { SurveyRegistry } from "../surveys";

type TrendStorage = Pick<TallyStorage, "countOptionsByWave" | "versionsByWave">;

/**
 * The versions each wave was answered on, and their definitions. A version this process has not
 * learnt of yet (another collector published it) is read from storage first.
 */
export async function answeredVersions(
  storage: Pick<TallyStorage, "versionsByWave">,
  surveys: Pick<SurveyRegistry, "get" | "lookUp">,
  surveyId: string,
): Promise<{ versions: WaveVersions; definitionOf: (version: number) => SurveyDefinition | undefined }> {
  const versions = new Map<number, number[]>();
  for (const row of await storage.versionsByWave(surveyId)) {
    versions.set(row.wave, [...(versions.get(row.wave) ?? []), row.version]);
    if (!surveys.get(surveyId, row.version)) await surveys.lookUp?.(surveyId, row.version);
  }
  return { versions, definitionOf: (version) => surveys.get(surveyId, version) };
}

/**
 * Each indicator in every wave that has answers, oldest first, with the change from the wave
 * before it (the previous one present in the data) and whether that change exceeds Newcombe's
 * interval, unless the indicator's definition changed between the versions answered in the two
 * waves: then the point carries the break and no change. Labels (令和N年度 / FY) are the reader's.
 */
export async function computeTrend(
  storage: TrendStorage,
  def: SurveyDefinition,
  surveys: Pick<SurveyRegistry, "get" | "lookUp">,
): Promise<Trend> {
  const [rows, answered] = await Promise.all([
    storage.countOptionsByWave({
      surveyId: def.id,
      wave: null,
      questionIds: def.indicators.map((i) => i.questionId),
    }),
    answeredVersions(storage, surveys, def.id),
  ]);
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
      const seriesBreak = previous
        ? breakBetweenWaves(indicator.id, previous.wave, wave, answered.versions, answered.definitionOf)
        : null;
      // Across a break the two shares count different things: no difference is worth reporting.
      const change =
        previous && !seriesBreak && previous.n > 0 && e.n > 0 ? changeBetween(previous, e) : null;
      points.push({
        wave,
        ...e,
        verdict: verdict(e.percent, indicator.target, e.n, def.minCell),
        change: previous && change ? { fromWave: previous.wave, ...change } : null,
        seriesBreak,
      });
    }
    return { id: indicator.id, target: indicator.target ?? null, points };
  });
  return { surveyId: def.id, waves, indicators };
}

/**
 * Each indicator's breaks inside a table's scope: the one into `wave` from the wave before it, or
 * (every wave pooled, wave null) each break between the waves the figure pools.
 */
export function breaksInScope(trend: Trend, wave: number | null): Map<string, SeriesBreakAt[]> {
  return new Map(
    trend.indicators.map((i) => [
      i.id,
      i.points.flatMap((p) => (p.seriesBreak && (wave === null || p.wave === wave) ? [p.seriesBreak] : [])),
    ]),
  );
}
