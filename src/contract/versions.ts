import "../domain/zod-config";
import { z } from "zod/mini";
import { Condition, OptionId, QuestionId, SurveyDefinition, Target } from "../domain/definition";
import type * as domain from "../domain/definition-changes";
import { Locale } from "../domain/locale";

const locales = z.array(Locale);
const ids = z.array(OptionId);
const fromTo = <T extends z.core.SomeType>(schema: T) => ({ from: schema, to: schema });
const ofQuestion = { questionId: QuestionId };
const ofIndicator = { indicatorId: z.string() };
const numberLimits = z.object({
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  integer: z.boolean(),
});
const textLimits = z.object({ maxLength: z.number().check(z.int()), multiline: z.boolean() });

/**
 * One difference between two versions of a survey (src/domain/definition-changes.ts says each kind),
 * in the dry run's and the published version's `changes`. A kind may be added, never renamed: the
 * dashboard words each one, and published versions keep their lists.
 */
export const DefinitionChange = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["title_changed", "description_changed", "contact_changed"]), locales }),
  z.object({ kind: z.enum(["opens_changed", "closes_changed"]), ...fromTo(z.nullable(z.iso.date())) }),
  z.object({ kind: z.enum(["locale_added", "locale_removed"]), locale: Locale }),
  z.object({ kind: z.literal("min_cell_changed"), ...fromTo(z.number().check(z.int())) }),
  z.object({ kind: z.enum(["question_added", "question_removed"]), ...ofQuestion }),
  z.object({ kind: z.literal("question_moved"), ...ofQuestion, after: z.nullable(QuestionId) }),
  z.object({ kind: z.literal("question_reworded"), ...ofQuestion, label: locales, help: locales }),
  z.object({ kind: z.literal("question_short_label_changed"), ...ofQuestion, locales }),
  z.object({
    kind: z.literal("question_kind_changed"),
    ...ofQuestion,
    ...fromTo(z.enum(["single", "multiple", "text", "number"])),
  }),
  z.object({ kind: z.literal("question_required_changed"), ...ofQuestion, ...fromTo(z.boolean()) }),
  z.object({ kind: z.literal("skip_logic_changed"), ...ofQuestion, ...fromTo(z.nullable(Condition)) }),
  z.object({ kind: z.enum(["options_added", "options_removed"]), ...ofQuestion, optionIds: ids }),
  z.object({ kind: z.literal("option_relabelled"), ...ofQuestion, optionId: OptionId, locales }),
  z.object({ kind: z.literal("options_reordered"), ...ofQuestion }),
  z.object({ kind: z.literal("exclusive_changed"), ...ofQuestion, ...fromTo(ids) }),
  z.object({ kind: z.literal("number_limits_changed"), ...ofQuestion, ...fromTo(numberLimits) }),
  z.object({ kind: z.literal("unit_reworded"), ...ofQuestion, locales }),
  z.object({ kind: z.literal("text_limits_changed"), ...ofQuestion, ...fromTo(textLimits) }),
  z.object({ kind: z.enum(["indicator_added", "indicator_removed"]), ...ofIndicator }),
  z.object({ kind: z.literal("indicator_moved"), ...ofIndicator, after: z.nullable(z.string()) }),
  z.object({ kind: z.literal("indicator_relabelled"), ...ofIndicator, locales }),
  z.object({ kind: z.literal("indicator_short_label_changed"), ...ofIndicator, locales }),
  z.object({ kind: z.literal("indicator_question_changed"), ...ofIndicator, ...fromTo(QuestionId) }),
  z.object({
    kind: z.enum(["indicator_positive_changed", "indicator_excluded_changed"]),
    ...ofIndicator,
    ...fromTo(ids),
  }),
  z.object({ kind: z.literal("indicator_target_changed"), ...ofIndicator, ...fromTo(z.nullable(Target)) }),
]);
export type DefinitionChange = z.infer<typeof DefinitionChange>;

/** The changes from the version before, in the order the definition reads. */
export const DefinitionChanges = z.array(DefinitionChange);
export type DefinitionChanges = z.infer<typeof DefinitionChanges>;

// The domain computes the list without zod (the respondent's bundle never needs this schema); the
// two descriptions must stay one. A kind added on one side only fails the typecheck here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<DefinitionChange, domain.DefinitionChange>;

/** The media type of an uploaded or downloaded survey workbook. */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * One problem (or warning) of an uploaded workbook where Excel shows it: the sheet's tab, the row
 * (1-based) and the column letter; null where it is about the file or a whole sheet. `code` and
 * `params` let the dashboard word it in the admin's language; `message` is English.
 */
export const WorkbookProblem = z.object({
  sheet: z.nullable(z.string()),
  row: z.nullable(z.number().check(z.int())),
  column: z.nullable(z.string()),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type WorkbookProblem = z.infer<typeof WorkbookProblem>;

/**
 * 422 on POST /surveys/:id/versions and POST /surveys: the collector's error body (ErrorBody), its
 * problems each at its cell (`path` is "survey!C4" for a reader of ErrorBody alone).
 */
export const InvalidWorkbookBody = z.object({
  error: z.object({
    code: z.literal("invalid_workbook"),
    message: z.string(),
    problems: z.array(z.extend(WorkbookProblem, { path: z.string() })),
  }),
});
export type InvalidWorkbookBody = z.infer<typeof InvalidWorkbookBody>;

/** 200 of a dry run: the definition as it would be published, its changes, and the warnings. */
export const DryRunResult = z.object({
  definition: SurveyDefinition,
  changes: DefinitionChanges,
  warnings: z.array(WorkbookProblem),
});
export type DryRunResult = z.infer<typeof DryRunResult>;

/** 201 of a publish. */
export const PublishedVersion = z.object({
  surveyId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  changes: DefinitionChanges,
});
export type PublishedVersion = z.infer<typeof PublishedVersion>;

/** GET /surveys/:id/versions: every published version, newest first. */
export const VersionList = z.object({
  versions: z.array(
    z.object({
      version: z.number().check(z.int(), z.gte(1)),
      publishedAt: z.iso.datetime({ offset: true }),
      publishedBy: z.nullable(z.string()),
      changes: DefinitionChanges,
    }),
  ),
});
export type VersionList = z.infer<typeof VersionList>;
