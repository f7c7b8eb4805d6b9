import type { DefinitionChange, WorkbookProblem } from "../../../contract/versions";
import type { SurveyDefinition, Target } from "../../../domain/definition";
import { type Locale, localize } from "../../../domain/locales";
import { t } from "../../../i18n";

/** Every problem code of the workbook reader (src/server/workbook/problems.ts) the staff words know. */
export const KNOWN_PROBLEM_CODES = new Set([
  "not_xlsx",
  "too_big",
  "too_many_entries",
  "zip_bomb",
  "missing_sheet",
  "missing_column",
  "unknown_column",
  "unknown_language",
  "formula",
  "missing_value",
  "unknown_type",
  "unsupported_type",
  "unknown_list",
  "too_few_choices",
  "duplicate_name",
  "invalid_name",
  "invalid_survey_id",
  "not_a_number",
  "not_an_integer",
  "out_of_range",
  "not_yes_no",
  "not_a_date",
  "not_a_datetime",
  "not_for_type",
  "unsupported_appearance",
  "min_above_max",
  "relevant_unsupported",
  "relevant_forward",
  "relevant_missing_question",
  "relevant_not_choice",
  "unknown_option",
  "missing_translation",
  "languages_without_ja",
  "indicator_question_missing",
  "indicator_question_not_single",
  "positive_and_excluded",
  "target_format",
  "closes_before_opens",
  "extra_settings_row",
  "invalid_value",
  "unused_list",
]);

/** Where a problem is, as Excel names a cell: `survey!C7`, a sheet alone, or "" for the whole file. */
export function problemPlace(p: Pick<WorkbookProblem, "sheet" | "row" | "column">): string {
  if (p.sheet === null) return "";
  if (p.row === null) return p.sheet;
  return `${p.sheet}!${p.column ?? ""}${p.row}`;
}

/**
 * A workbook problem in the reader's language, from its code and params; a code this app does not
 * know (a newer collector's) reads as the collector's English.
 */
export function problemText(p: Pick<WorkbookProblem, "code" | "params" | "message">): string {
  if (!KNOWN_PROBLEM_CODES.has(p.code)) return p.message;
  const params: Record<string, string> = {};
  // Strings, not numbers: a row, a byte count or a limit is shown as the collector wrote it.
  for (const [name, value] of Object.entries(p.params)) params[name] = String(value);
  return t(`versions.problems.${p.code}`, params);
}

/** The texts a change names things by: the definitions it is between (the newer first). */
export type Labels = { definitions: readonly SurveyDefinition[]; locale: Locale };

function questionName(id: string, labels?: Labels): string {
  for (const def of labels?.definitions ?? []) {
    const q = def.questions.find((question) => question.id === id);
    if (q && labels) return t("versions.named", { id, label: localize(q.label, labels.locale) });
  }
  return id;
}

function indicatorName(id: string, labels?: Labels): string {
  for (const def of labels?.definitions ?? []) {
    const i = def.indicators.find((indicator) => indicator.id === id);
    if (i && labels) return t("versions.named", { id, label: localize(i.label, labels.locale) });
  }
  return id;
}

const list = (ids: readonly string[]) => (ids.length === 0 ? t("versions.none") : ids.join(", "));
const target = (x: Target | null) => (x === null ? t("versions.none") : `${x.op} ${x.value}%`);
const limits = (min: number | null, max: number | null) =>
  `${min === null ? "" : String(min)}–${max === null ? "" : String(max)}`;

/** One change between two versions, worded for the organizer, with ids (and labels where known). */
export function changeText(change: DefinitionChange, labels?: Labels): string {
  const key = `versions.changes.${change.kind}`;
  const q = "questionId" in change ? questionName(change.questionId, labels) : "";
  const ind = "indicatorId" in change ? indicatorName(change.indicatorId, labels) : "";
  switch (change.kind) {
    case "title_changed":
    case "description_changed":
    case "contact_changed":
      return t(key, { locales: list(change.locales) });
    case "opens_changed":
    case "closes_changed":
      return t(key, { from: change.from ?? t("versions.none"), to: change.to ?? t("versions.none") });
    case "locale_added":
    case "locale_removed":
      return t(key, { locale: change.locale });
    case "min_cell_changed":
      return t(key, { from: String(change.from), to: String(change.to) });
    case "question_added":
    case "question_removed":
    case "options_reordered":
    case "skip_logic_changed":
      return t(key, { question: q });
    case "question_moved":
      return change.after === null
        ? t("versions.changes.question_moved_first", { question: q })
        : t(key, { question: q, after: questionName(change.after, labels) });
    case "question_reworded":
      return t(key, { question: q, locales: list([...new Set([...change.label, ...change.help])]) });
    case "question_kind_changed":
      return t(key, {
        question: q,
        from: t(`versions.kinds.${change.from}`),
        to: t(`versions.kinds.${change.to}`),
      });
    case "question_required_changed":
      return t(change.to ? key : "versions.changes.question_optional", { question: q });
    case "options_added":
    case "options_removed":
      return t(key, { question: q, options: list(change.optionIds) });
    case "option_relabelled":
      return t(key, { question: q, option: change.optionId, locales: list(change.locales) });
    case "exclusive_changed":
      return t(key, { question: q, from: list(change.from), to: list(change.to) });
    case "number_limits_changed":
      return t(key, {
        question: q,
        from: limits(change.from.min, change.from.max),
        to: limits(change.to.min, change.to.max),
      });
    case "unit_reworded":
    case "question_short_label_changed":
      return t(key, { question: q, locales: list(change.locales) });
    case "text_limits_changed":
      return t(key, { question: q, from: String(change.from.maxLength), to: String(change.to.maxLength) });
    case "indicator_added":
    case "indicator_removed":
      return t(key, { indicator: ind });
    case "indicator_moved":
      return change.after === null
        ? t("versions.changes.indicator_moved_first", { indicator: ind })
        : t(key, { indicator: ind, after: indicatorName(change.after, labels) });
    case "indicator_relabelled":
    case "indicator_short_label_changed":
      return t(key, { indicator: ind, locales: list(change.locales) });
    case "indicator_question_changed":
      return t(key, {
        indicator: ind,
        from: questionName(change.from, labels),
        to: questionName(change.to, labels),
      });
    case "indicator_positive_changed":
    case "indicator_excluded_changed":
      return t(key, { indicator: ind, from: list(change.from), to: list(change.to) });
    case "indicator_target_changed":
      return t(key, { indicator: ind, from: target(change.from), to: target(change.to) });
  }
}
