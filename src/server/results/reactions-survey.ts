import { SurveyDefinition as DefinitionSchema, type SurveyDefinition } from "../../domain/definition";
import { definitionChanges } from "../../domain/definition-changes";
import { formatFiscalYear } from "../../domain/fiscal-year";
import type { Locale } from "../../domain/locales";
import { REACTION_QUESTIONS as Q, reactionsSurveyId, waveOption } from "../../domain/reactions";
import type { VersionStorage } from "../storage/version-storage";
import type { SurveyRegistry } from "../surveys";
import { publishPrepared } from "../versions/publish";
import { PAGE_WORDS, type PageWords } from "./page/words";

type Text = Partial<Record<Locale, string>>;

/** The q_indicator option of a reaction to the whole page rather than one indicator. */
export const WHOLE_PAGE = "page";
const textIn = (locales: readonly Locale[], of: (w: PageWords, l: Locale) => string): Text & { ja: string } =>
  Object.fromEntries(locales.map((l) => [l, of(PAGE_WORDS[l], l)])) as Text & { ja: string };

/**
 * The reactions survey of `def` with an option for each of its indicators and each results year
 * published: tallied like any survey (its indicator, the share who found the results helpful,
 * broken down by q_indicator or q_results_wave on the dashboard).
 */
export function reactionsDefinition(
  def: SurveyDefinition,
  waves: readonly number[],
  version: number,
  publishedAt: string,
): SurveyDefinition {
  const locales = def.locales;
  const text = (of: (w: PageWords, l: Locale) => string) => textIn(locales, of);
  return DefinitionSchema.parse({
    id: reactionsSurveyId(def.id),
    version,
    publishedAt,
    title: text((w, l) => `${def.title[l] ?? def.title.ja} — ${w.reactionQuestion}`),
    description: text((w) => w.reactionQuestion),
    locales,
    minCell: def.minCell,
    questions: [
      {
        id: Q.indicator,
        kind: "single",
        required: true,
        label: text((w) => w.indicator),
        // "page": a reaction to the results as a whole (and a choice needs two options).
        options: [
          ...def.indicators.map((i) => ({ id: i.id, label: i.shortLabel ?? i.label })),
          { id: WHOLE_PAGE, label: text((w) => w.wholePage) },
        ],
      },
      {
        id: Q.wave,
        kind: "single",
        required: true,
        label: text((w) => w.wave),
        // A choice needs two options: with one year published, the year before it stands beside it.
        options: [...new Set(waves.length > 1 ? waves : [(waves[0] ?? 0) - 1, ...waves])]
          .sort((a, b) => a - b)
          .map((wave) => ({ id: waveOption(wave), label: text((_, l) => formatFiscalYear(wave, l)) })),
      },
      {
        id: Q.helpful,
        kind: "single",
        required: true,
        label: text((w) => w.reactionQuestion),
        options: [
          { id: "yes", label: text((w) => w.reactionYes) },
          { id: "no", label: text((w) => w.reactionNo) },
        ],
      },
      { id: Q.comment, kind: "text", maxLength: 500, multiline: true, label: text((w) => w.reactionComment) },
    ],
    indicators: [
      { id: "helpful", label: text((w) => w.reactionYes), questionId: Q.helpful, positive: ["yes"] },
    ],
  });
}

const optionsOf = (def: SurveyDefinition | undefined, questionId: string) => {
  const q = def?.questions.find((question) => question.id === questionId);
  return new Set(q?.kind === "single" ? q.options.map((o) => o.id) : []);
};

/**
 * Makes sure the reactions survey can record reactions to `wave`'s published indicators: publishes
 * its next version when an indicator or the year is new to it (a version never changes), and
 * nothing otherwise. Options are only ever added, so every earlier reaction stays answerable.
 */
export async function ensureReactionsSurvey(
  storage: Pick<VersionStorage, "insertVersion">,
  surveys: Pick<SurveyRegistry, "latestOf" | "add">,
  def: SurveyDefinition,
  wave: number,
  now: Date,
): Promise<void> {
  const current = surveys.latestOf(reactionsSurveyId(def.id));
  const indicators = optionsOf(current, Q.indicator);
  const waves = optionsOf(current, Q.wave);
  if (def.indicators.every((i) => indicators.has(i.id)) && waves.has(waveOption(wave))) return;
  const knownWaves = [...waves].map((w) => Number(w.slice(2)));
  const allWaves = [...new Set([...knownWaves, wave])];
  // Keep the indicators an earlier version of the survey had, beside today's.
  const kept = current?.questions.find((q) => q.id === Q.indicator);
  const merged: SurveyDefinition = {
    ...def,
    indicators: [
      ...def.indicators,
      ...(kept?.kind === "single" ? kept.options : [])
        .filter((o) => o.id !== WHOLE_PAGE && !def.indicators.some((i) => i.id === o.id))
        .map((o) => ({ id: o.id, label: o.label, questionId: "x", positive: ["x"], excludeFromBase: [] })),
    ],
  };
  const next = reactionsDefinition(merged, allWaves, (current?.version ?? 0) + 1, now.toISOString());
  const changes = current ? definitionChanges(current, next) : [];
  // False when another request published that version first: theirs serves as well.
  await publishPrepared({ definition: next, changes, warnings: [] }, storage, surveys);
}
