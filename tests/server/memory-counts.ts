import { fiscalYear } from "../../src/domain/fiscal-year";
import type { Response } from "../../src/domain/response";
import type {
  BreakdownCounts,
  BreakdownQuery,
  ChoiceCountQuery,
  ChoiceCounts,
  CountQuery,
  CountsByQuestion,
  GroupedCountQuery,
  GroupedCountRow,
  Storage,
  WaveCountRow,
  WaveVersionRow,
} from "../../src/server/storage";

/**
 * The in-memory path: the same counts as the SQL queries, by looping over responses (every answer
 * here is a valid choice: a string for single choice, a list of option ids for multiple). The
 * server's tally code runs over it unchanged, so SQL path = in-memory path is testable.
 */
export function memoryCounts(
  responses: readonly Response[],
): Pick<
  Storage,
  | "countOptions"
  | "countOptionsByWave"
  | "versionsByWave"
  | "countOptionsByGroups"
  | "countOptionsWithBreakdown"
  | "countChoices"
  | "populationOf"
  | "populationSets"
> {
  const ticks = (r: Response, questionId: string): string[] => {
    const a = r.answers[questionId];
    return typeof a === "string" ? [a] : Array.isArray(a) ? a : [];
  };
  const inScope = (r: Response, q: { surveyId: string; wave: number | null }) =>
    r.surveyId === q.surveyId && (q.wave === null || fiscalYear(r.submittedAt) === q.wave);
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

  const counts = {
    // The random-data property runs without population totals; the weighted path has its own test.
    populationOf: async () => undefined,
    populationSets: async () => [],
    async countOptions(query: CountQuery): Promise<CountsByQuestion> {
      const out: CountsByQuestion = new Map();
      for (const r of responses.filter((x) => inScope(x, query)))
        for (const q of query.questionIds)
          for (const o of ticks(r, q)) {
            const counts = out.get(q) ?? {};
            counts[o] = (counts[o] ?? 0) + 1;
            out.set(q, counts);
          }
      return out;
    },
    async countOptionsByWave(query: CountQuery): Promise<WaveCountRow[]> {
      const counts = new Map<string, number>();
      for (const r of responses.filter((x) => inScope(x, { ...query, wave: null })))
        for (const q of query.questionIds)
          for (const o of ticks(r, q)) bump(counts, JSON.stringify([q, fiscalYear(r.submittedAt), o]));
      return [...counts].map(([key, count]) => {
        const [questionId, wave, optionId] = JSON.parse(key) as [string, number, string];
        return { questionId, wave, optionId, count };
      });
    },
    async versionsByWave(surveyId: string): Promise<WaveVersionRow[]> {
      const pairs = new Set<string>();
      for (const r of responses.filter((x) => x.surveyId === surveyId))
        pairs.add(JSON.stringify([fiscalYear(r.submittedAt), r.surveyVersion]));
      return [...pairs]
        .map((key) => JSON.parse(key) as [number, number])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([wave, version]) => ({ wave, version }));
    },
    async countOptionsByGroups(query: GroupedCountQuery): Promise<GroupedCountRow[]> {
      const counts = new Map<string, number>();
      for (const r of responses.filter((x) => inScope(x, query))) {
        const groups: string[] = [];
        for (const d of query.by) {
          const value =
            d.kind === "mode" ? r.mode : d.kind === "event" ? r.eventId : ticks(r, d.questionId)[0];
          if (value === undefined) break;
          groups.push(value);
        }
        if (groups.length < query.by.length) continue;
        for (const q of query.questionIds)
          for (const o of ticks(r, q))
            bump(counts, JSON.stringify([q, fiscalYear(r.submittedAt), o, groups]));
      }
      return [...counts].map(([key, count]) => {
        const [questionId, wave, optionId, groups] = JSON.parse(key) as [string, number, string, string[]];
        return { questionId, wave, optionId, groups, count };
      });
    },
    async countChoices(query: ChoiceCountQuery): Promise<ChoiceCounts> {
      const chosen: Record<string, number> = {};
      let respondents = 0;
      for (const r of responses.filter((x) => inScope(x, query))) {
        const t = ticks(r, query.questionId);
        if (t.length > 0) respondents++;
        for (const o of t) chosen[o] = (chosen[o] ?? 0) + 1;
      }
      return { chosen, respondents };
    },
  };
  return {
    ...counts,
    // Composed of the two it replaces, so the SQL's single pass is checked against both.
    async countOptionsWithBreakdown(query: BreakdownQuery): Promise<BreakdownCounts> {
      return {
        totals: await counts.countOptions(query),
        rows: await counts.countOptionsByGroups({ ...query, by: [query.by] }),
      };
    },
  };
}
