import {
  type PublishResultsBody,
  RESULTS_LICENCE,
  type ResultsSnapshot,
  type ResultsText,
} from "../../contract/results";
import type { IndicatorTally } from "../../contract/tallies";
import type { SurveyDefinition } from "../../domain/definition";
import type { Problem } from "../../domain/issues";
import { HttpProblem } from "../http/problems";
import { computeResponseRate } from "../invitations/response-rate";
import type { InvitationBatchStorage } from "../storage/invitation-batch-storage";
import type { PopulationStorage } from "../storage/population-storage";
import type { TallyStorage } from "../storage/tally-storage";
import type { SurveyRegistry } from "../surveys";
import { computeTallies } from "../tallies/compute";
import { computeTrend } from "../tallies/trend";

type SnapshotStorage = TallyStorage &
  Pick<PopulationStorage, "populationOf" | "populationSets"> &
  Pick<InvitationBatchStorage, "invitationUse" | "countedByMode">;

/** The method as the open data's metadata states it: the rules DESIGN "Indicator math" sets. */
export const methodOf = (def: SurveyDefinition): ResultsSnapshot["method"] => ({
  estimator:
    "percent = positive / base; the base is the counted responses that answered the indicator's question, minus those excluded from the base (such as 'don't know')",
  intervalMethod: "Wilson score interval, 95% (z = 1.959964), bounds clamped to [0, 100]",
  weighting:
    "post-stratified to the register's population where totals were uploaded, interval at Kish's effective n; shown only where it cannot give a hidden group back",
  suppressionRule: `a group whose base is below ${def.minCell} is hidden with no count or percent; where a lone hidden group could be read off as total minus the shown ones, the next smallest is hidden too; a group hidden in any wave is hidden`,
  minCell: def.minCell,
  reviewState: "only responses in review state 'counted'",
});

/** The admin's texts and breakdowns checked against the survey: every problem at its path. */
export function checkPublishBody(def: SurveyDefinition, body: PublishResultsBody): Map<string, ResultsText> {
  const problems: Problem[] = [];
  const texts = new Map<string, ResultsText>();
  for (const [id, byLocale] of Object.entries(body.texts)) {
    if (!def.indicators.some((i) => i.id === id)) {
      problems.push({ path: `texts.${id}`, message: `"${id}" is not an indicator of survey "${def.id}"` });
      continue;
    }
    const kept: ResultsText = {};
    for (const [locale, text] of Object.entries(byLocale) as [keyof ResultsText, string][]) {
      if (!def.locales.includes(locale))
        problems.push({ path: `texts.${id}.${locale}`, message: `the survey is not written in ${locale}` });
      else if (text.trim() !== "") kept[locale] = text.trim();
    }
    texts.set(id, kept);
  }
  for (const [i, by] of body.breakdowns.entries()) {
    const q = def.questions.find((question) => question.id === by);
    if (q?.kind !== "single")
      problems.push({
        path: `breakdowns.${i}`,
        message: `"${by}" is not a single-choice question of the survey`,
      });
  }
  if (new Set(body.breakdowns).size !== body.breakdowns.length)
    problems.push({ path: "breakdowns", message: "a question is named twice" });
  if (problems.length > 0)
    throw new HttpProblem("invalid_body", "the results cannot be published as sent", problems);
  return texts;
}

/** A question's options' labels, by option id. */
function optionLabels(def: SurveyDefinition, questionId: string): Map<string, ResultsText> {
  const q = def.questions.find((question) => question.id === questionId);
  return new Map(q && q.kind === "single" ? q.options.map((o) => [o.id, o.label]) : []);
}

const weightedOf = (t: IndicatorTally): ResultsSnapshot["indicators"][number]["weighted"] =>
  t.weighted &&
  !t.weighted.suppressed &&
  t.weighted.percent !== null &&
  t.weighted.ci95 &&
  t.weighted.nEffective
    ? { percent: t.weighted.percent, ci95: t.weighted.ci95, nEffective: t.weighted.nEffective }
    : null;

/**
 * A wave's results as the dashboard's tallies compute them (the same functions, counted responses
 * only), with the chosen breakdowns (suppressed groups carry nothing), the trend up to the wave, and
 * the ward's texts: the document that is stored once and rendered as page, JSON and CSV.
 */
export async function buildSnapshot(
  storage: SnapshotStorage,
  surveys: Pick<SurveyRegistry, "get" | "lookUp">,
  def: SurveyDefinition,
  input: { wave: number; texts: Map<string, ResultsText>; breakdowns: readonly string[] },
  stamp: { publication: number; publishedAt: string },
): Promise<ResultsSnapshot> {
  const { wave } = input;
  const [rate, totals, trend, counts, ...byQuestion] = await Promise.all([
    computeResponseRate(storage, def.id, wave),
    computeTallies(storage, def, { wave, by: null }),
    computeTrend(storage, def, surveys),
    storage.countResponses({ surveyId: def.id, wave }),
    ...input.breakdowns.map((questionId) =>
      computeTallies(storage, def, {
        wave,
        by: { by: questionId, dimension: { kind: "question", questionId } },
      }),
    ),
  ]);
  const respondents = counts.byVersion.reduce((sum, v) => sum + v.n, 0);
  if (respondents === 0)
    throw new HttpProblem("results_wave_empty", `survey "${def.id}" has no counted responses in ${wave}`);

  const indicators = def.indicators.map((indicator, i) => {
    const t = totals.indicators[i] as IndicatorTally;
    const points = trend.indicators[i]?.points.filter((p) => p.wave <= wave) ?? [];
    const breakdowns = input.breakdowns.map((by, j) => {
      const labels = optionLabels(def, by);
      const q = def.questions.find((question) => question.id === by);
      const groups = byQuestion[j]?.indicators[i]?.groups ?? [];
      return {
        by,
        label: q?.shortLabel ?? q?.label ?? { ja: by },
        groups: groups.map((g) =>
          // A hidden group is written with nulls from scratch, so nothing of its counts can ride along.
          g.suppressed
            ? {
                key: g.key,
                label: labels.get(g.key) ?? { ja: g.key },
                n: null,
                percent: null,
                ci95: null,
                suppressed: true,
              }
            : {
                key: g.key,
                label: labels.get(g.key) ?? { ja: g.key },
                n: g.n,
                percent: g.percent,
                ci95: g.ci95,
                suppressed: false,
              },
        ),
      };
    });
    return {
      id: indicator.id,
      label: indicator.label,
      ...(indicator.shortLabel && { shortLabel: indicator.shortLabel }),
      n: t.n,
      positive: t.positive,
      percent: t.percent,
      ci95: t.ci95,
      target: t.target,
      verdict: t.verdict,
      weighted: weightedOf(t),
      change: points.at(-1)?.wave === wave ? (points.at(-1)?.change ?? null) : null,
      trend: points.map((p) => ({
        wave: p.wave,
        n: p.n,
        percent: p.percent,
        ci95: p.ci95,
        seriesBreak: Boolean(p.seriesBreak),
      })),
      breakdowns,
      text: input.texts.get(indicator.id) ?? {},
    };
  });
  return {
    surveyId: def.id,
    wave,
    publication: stamp.publication,
    publishedAt: stamp.publishedAt,
    surveyVersion: def.version,
    title: def.title,
    locales: def.locales,
    respondents,
    mailed: rate.mailed > 0 ? rate.mailed : null,
    responseRate: rate.rate,
    method: methodOf(def),
    licence: { ...RESULTS_LICENCE },
    indicators,
  };
}
