import type { Condition, Indicator, Question, SurveyDefinition, Target } from "./definition";
import { LOCALES, type Locale } from "./locales";

type Text = Partial<Record<Locale, string>>;
type QuestionKind = Question["kind"];
/** A number question's bounds: null where the version sets none. */
export type NumberLimits = { min: number | null; max: number | null; integer: boolean };
export type TextLimits = { maxLength: number; multiline: boolean };
type FromTo<T> = { from: T; to: T };
type OfQuestion = { questionId: string };
type OfIndicator = { indicatorId: string };

/**
 * One difference between two versions of a survey, as the admin reads it before publishing and as
 * GET /surveys/:id/versions lists it. `kind` is stable: the dashboard words each one in the reader's
 * language. Texts name only the locales that changed, not the texts themselves: the definitions
 * carry those. Mirrored by the zod schema in src/contract/versions.ts.
 */
export type DefinitionChange =
  | ({ kind: "title_changed" | "description_changed" | "contact_changed" } & { locales: Locale[] })
  | ({ kind: "opens_changed" | "closes_changed" } & FromTo<string | null>)
  | ({ kind: "locale_added" | "locale_removed" } & { locale: Locale })
  | ({ kind: "min_cell_changed" } & FromTo<number>)
  | ({ kind: "question_added" | "question_removed" } & OfQuestion)
  | ({ kind: "question_moved" } & OfQuestion & { after: string | null })
  | ({ kind: "question_reworded" } & OfQuestion & { label: Locale[]; help: Locale[] })
  | ({ kind: "question_short_label_changed" } & OfQuestion & { locales: Locale[] })
  | ({ kind: "question_kind_changed" } & OfQuestion & FromTo<QuestionKind>)
  | ({ kind: "question_required_changed" } & OfQuestion & FromTo<boolean>)
  | ({ kind: "skip_logic_changed" } & OfQuestion & FromTo<Condition | null>)
  | ({ kind: "options_added" | "options_removed" } & OfQuestion & { optionIds: string[] })
  | ({ kind: "option_relabelled" } & OfQuestion & { optionId: string; locales: Locale[] })
  | ({ kind: "options_reordered" } & OfQuestion)
  | ({ kind: "exclusive_changed" } & OfQuestion & FromTo<string[]>)
  | ({ kind: "number_limits_changed" } & OfQuestion & FromTo<NumberLimits>)
  | ({ kind: "unit_reworded" } & OfQuestion & { locales: Locale[] })
  | ({ kind: "text_limits_changed" } & OfQuestion & FromTo<TextLimits>)
  | ({ kind: "indicator_added" | "indicator_removed" } & OfIndicator)
  | ({ kind: "indicator_moved" } & OfIndicator & { after: string | null })
  | ({ kind: "indicator_relabelled" } & OfIndicator & { locales: Locale[] })
  | ({ kind: "indicator_short_label_changed" } & OfIndicator & { locales: Locale[] })
  | ({ kind: "indicator_question_changed" } & OfIndicator & FromTo<string>)
  | ({ kind: "indicator_positive_changed" | "indicator_excluded_changed" } & OfIndicator & FromTo<string[]>)
  | ({ kind: "indicator_target_changed" } & OfIndicator & FromTo<Target | null>);
export type DefinitionChangeKind = DefinitionChange["kind"];

/**
 * What changed from `previous` to `next`, ordered as the definition reads: settings, then questions,
 * then indicators, each item where it stands in `next` and a removed one where it stood before.
 * The id and version are not compared: they name the two versions, they are not a change.
 */
export function definitionChanges(previous: SurveyDefinition, next: SurveyDefinition): DefinitionChange[] {
  return [
    ...settingChanges(previous, next),
    ...listChanges(previous.questions, next.questions, questionWords, questionChanges),
    ...listChanges(previous.indicators, next.indicators, indicatorWords, indicatorChanges),
  ];
}

/** The locales, in the ward's order, whose text differs; a text added or dropped differs in all it has. */
export function changedLocales(a: Text | undefined, b: Text | undefined): Locale[] {
  return LOCALES.filter((locale) => a?.[locale] !== b?.[locale]);
}

/** Whether two id lists hold the same ids: positive and excluded options are sets, not sequences. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

function settingChanges(previous: SurveyDefinition, next: SurveyDefinition): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const text = (kind: "title_changed" | "description_changed" | "contact_changed", a?: Text, b?: Text) => {
    const locales = changedLocales(a, b);
    if (locales.length > 0) out.push({ kind, locales });
  };
  text("title_changed", previous.title, next.title);
  text("description_changed", previous.description, next.description);
  for (const kind of ["opens", "closes"] as const) {
    const from = previous[kind] ?? null;
    const to = next[kind] ?? null;
    if (from !== to) out.push({ kind: `${kind}_changed`, from, to });
  }
  text("contact_changed", previous.contact, next.contact);
  for (const locale of LOCALES) {
    const before = previous.locales.includes(locale);
    const after = next.locales.includes(locale);
    if (before !== after) out.push({ kind: after ? "locale_added" : "locale_removed", locale });
  }
  if (previous.minCell !== next.minCell)
    out.push({ kind: "min_cell_changed", from: previous.minCell, to: next.minCell });
  return out;
}

type Named = { id: string };

/** How one list (questions or indicators) words an item added, removed or moved. */
type ListWords = {
  added: (id: string) => DefinitionChange;
  removed: (id: string) => DefinitionChange;
  moved: (id: string, after: string | null) => DefinitionChange;
};

const questionWords: ListWords = {
  added: (questionId) => ({ kind: "question_added", questionId }),
  removed: (questionId) => ({ kind: "question_removed", questionId }),
  moved: (questionId, after) => ({ kind: "question_moved", questionId, after }),
};

const indicatorWords: ListWords = {
  added: (indicatorId) => ({ kind: "indicator_added", indicatorId }),
  removed: (indicatorId) => ({ kind: "indicator_removed", indicatorId }),
  moved: (indicatorId, after) => ({ kind: "indicator_moved", indicatorId, after }),
};

/**
 * Added, removed and moved items with each kept one's own changes, in reading order. An item counts
 * as moved when it falls outside the longest run of kept items that stayed in order, so that one
 * question dragged up reads as one move, not as a move of every question it jumped over.
 */
function listChanges<T extends Named>(
  previous: readonly T[],
  next: readonly T[],
  words: ListWords,
  changesOf: (a: T, b: T) => DefinitionChange[],
): DefinitionChange[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  const nextIds = new Set(next.map((item) => item.id));
  const kept = next.filter((item) => before.has(item.id)).map((item) => item.id);
  const stayed = new Set(
    longestInOrder(
      kept,
      previous.map((item) => item.id),
    ),
  );
  const out: DefinitionChange[] = [];
  // Removed items follow the kept item they followed before, or lead when they led.
  const removedAfter = (index: number) => {
    for (const item of previous.slice(index + 1)) {
      if (nextIds.has(item.id)) break;
      out.push(words.removed(item.id));
    }
  };
  removedAfter(-1);
  next.forEach((item, i) => {
    const old = before.get(item.id);
    if (!old) {
      out.push(words.added(item.id));
      return;
    }
    if (!stayed.has(item.id)) out.push(words.moved(item.id, next[i - 1]?.id ?? null));
    out.push(...changesOf(old, item));
    removedAfter(previous.indexOf(old));
  });
  return out;
}

/** The ids of the longest subsequence of `order` that also appears in that order in `reference`. */
function longestInOrder(order: readonly string[], reference: readonly string[]): string[] {
  const rank = new Map(reference.map((id, i) => [id, i]));
  // Each item's longest in-order chain ending with it; O(n²) is plenty for tens of questions.
  const chains: { rank: number; ids: string[] }[] = [];
  let longest: string[] = [];
  for (const id of order) {
    const at = rank.get(id) ?? -1;
    let best: string[] = [];
    for (const chain of chains) if (chain.rank < at && chain.ids.length > best.length) best = chain.ids;
    const ids = [...best, id];
    chains.push({ rank: at, ids });
    if (ids.length > longest.length) longest = ids;
  }
  return longest;
}

function questionChanges(a: Question, b: Question): DefinitionChange[] {
  const questionId = b.id;
  const out: DefinitionChange[] = [];
  if (a.kind !== b.kind) out.push({ kind: "question_kind_changed", questionId, from: a.kind, to: b.kind });
  const label = changedLocales(a.label, b.label);
  const help = changedLocales(a.help, b.help);
  if (label.length > 0 || help.length > 0) out.push({ kind: "question_reworded", questionId, label, help });
  const short = changedLocales(a.shortLabel, b.shortLabel);
  if (short.length > 0) out.push({ kind: "question_short_label_changed", questionId, locales: short });
  if (a.required !== b.required)
    out.push({ kind: "question_required_changed", questionId, from: a.required, to: b.required });
  if (!sameCondition(a.showIf, b.showIf))
    out.push({ kind: "skip_logic_changed", questionId, from: a.showIf ?? null, to: b.showIf ?? null });
  if ((a.kind === "single" || a.kind === "multiple") && (b.kind === "single" || b.kind === "multiple"))
    out.push(...optionChanges(questionId, a.options, b.options));
  if (a.kind === "multiple" && b.kind === "multiple" && !sameIds(a.exclusive, b.exclusive))
    out.push({ kind: "exclusive_changed", questionId, from: a.exclusive, to: b.exclusive });
  if (a.kind === "number" && b.kind === "number") {
    const from = numberLimits(a);
    const to = numberLimits(b);
    if (from.min !== to.min || from.max !== to.max || from.integer !== to.integer)
      out.push({ kind: "number_limits_changed", questionId, from, to });
    const unit = changedLocales(a.unit, b.unit);
    if (unit.length > 0) out.push({ kind: "unit_reworded", questionId, locales: unit });
  }
  if (
    a.kind === "text" &&
    b.kind === "text" &&
    (a.maxLength !== b.maxLength || a.multiline !== b.multiline)
  ) {
    const limits = (q: typeof a): TextLimits => ({ maxLength: q.maxLength, multiline: q.multiline });
    out.push({ kind: "text_limits_changed", questionId, from: limits(a), to: limits(b) });
  }
  return out;
}

type Option = { id: string; label: Text };

function optionChanges(questionId: string, a: readonly Option[], b: readonly Option[]): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const before = new Map(a.map((o) => [o.id, o]));
  const afterIds = new Set(b.map((o) => o.id));
  const added = b.filter((o) => !before.has(o.id)).map((o) => o.id);
  const removed = a.filter((o) => !afterIds.has(o.id)).map((o) => o.id);
  if (added.length > 0) out.push({ kind: "options_added", questionId, optionIds: added });
  if (removed.length > 0) out.push({ kind: "options_removed", questionId, optionIds: removed });
  const keptBefore = a.filter((o) => afterIds.has(o.id)).map((o) => o.id);
  const keptAfter = b.filter((o) => before.has(o.id)).map((o) => o.id);
  if (keptBefore.some((id, i) => keptAfter[i] !== id)) out.push({ kind: "options_reordered", questionId });
  for (const option of b) {
    const locales = changedLocales(before.get(option.id)?.label ?? option.label, option.label);
    if (locales.length > 0) out.push({ kind: "option_relabelled", questionId, optionId: option.id, locales });
  }
  return out;
}

function numberLimits(q: Extract<Question, { kind: "number" }>): NumberLimits {
  return { min: q.min ?? null, max: q.max ?? null, integer: q.integer };
}

function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  if (!a || !b) return a === b;
  return a.questionId === b.questionId && sameIds(a.anyOf, b.anyOf);
}

function indicatorChanges(a: Indicator, b: Indicator): DefinitionChange[] {
  const indicatorId = b.id;
  const out: DefinitionChange[] = [];
  const label = changedLocales(a.label, b.label);
  if (label.length > 0) out.push({ kind: "indicator_relabelled", indicatorId, locales: label });
  const short = changedLocales(a.shortLabel, b.shortLabel);
  if (short.length > 0) out.push({ kind: "indicator_short_label_changed", indicatorId, locales: short });
  if (a.questionId !== b.questionId)
    out.push({ kind: "indicator_question_changed", indicatorId, from: a.questionId, to: b.questionId });
  if (!sameIds(a.positive, b.positive))
    out.push({ kind: "indicator_positive_changed", indicatorId, from: a.positive, to: b.positive });
  if (!sameIds(a.excludeFromBase, b.excludeFromBase))
    out.push({
      kind: "indicator_excluded_changed",
      indicatorId,
      from: a.excludeFromBase,
      to: b.excludeFromBase,
    });
  if (a.target?.op !== b.target?.op || a.target?.value !== b.target?.value)
    out.push({ kind: "indicator_target_changed", indicatorId, from: a.target ?? null, to: b.target ?? null });
  return out;
}
