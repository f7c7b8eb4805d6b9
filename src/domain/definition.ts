import "./zod-config";
import { z } from "zod/mini";
import { Locale, LocalizedText } from "./locale";

const idPattern = /^[a-z][a-z0-9_]{0,63}$/;
const Id = (what: string) =>
  z
    .string()
    .check(z.regex(idPattern, `${what} must be lower-case letters, digits and _ (starting with a letter)`));

export const QuestionId = Id("a question id");
export const OptionId = Id("an option id");
export const SurveyId = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "a survey id must be lower-case letters, digits and -"));

export const Option = z.object({ id: OptionId, label: LocalizedText });
export type Option = z.infer<typeof Option>;

/** Skip logic: the question is shown only when question `questionId` was answered with one of `anyOf`. */
export const Condition = z.object({ questionId: QuestionId, anyOf: z.array(OptionId).check(z.minLength(1)) });
export type Condition = z.infer<typeof Condition>;

const QuestionBase = {
  id: QuestionId,
  label: LocalizedText,
  /** A few words for where the whole question does not fit: the dashboard's pickers, CSV headings. */
  shortLabel: z.optional(LocalizedText),
  help: z.optional(LocalizedText),
  required: z._default(z.boolean(), false),
  showIf: z.optional(Condition),
};

export const SingleChoiceQuestion = z.object({
  ...QuestionBase,
  kind: z.literal("single"),
  options: z.array(Option).check(z.minLength(2)),
});
export const MultipleChoiceQuestion = z.object({
  ...QuestionBase,
  kind: z.literal("multiple"),
  options: z.array(Option).check(z.minLength(2)),
  /** Options that cannot be combined with any other, such as 「特にない」. */
  exclusive: z._default(z.array(OptionId), []),
});
export const TextQuestion = z.object({
  ...QuestionBase,
  kind: z.literal("text"),
  maxLength: z.number().check(z.int(), z.gte(1), z.lte(4000)),
  multiline: z._default(z.boolean(), false),
});
export const NumberQuestion = z.object({
  ...QuestionBase,
  kind: z.literal("number"),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z._default(z.boolean(), true),
  unit: z.optional(LocalizedText),
});

export const Question = z.discriminatedUnion("kind", [
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  TextQuestion,
  NumberQuestion,
]);
export type Question = z.infer<typeof Question>;
export type ChoiceQuestion = Extract<Question, { kind: "single" | "multiple" }>;

export const Target = z.object({ op: z.enum([">=", "<="]), value: z.number().check(z.gte(0), z.lte(100)) });
export type Target = z.infer<typeof Target>;

/** An outcome indicator of the operating policy: the share of the base answering one of `positive`. */
export const Indicator = z.object({
  id: Id("an indicator id"),
  label: LocalizedText,
  /** The indicator in a few words, for headings and CSV columns; the label where absent. */
  shortLabel: z.optional(LocalizedText),
  questionId: QuestionId,
  positive: z.array(OptionId).check(z.minLength(1)),
  excludeFromBase: z._default(z.array(OptionId), []),
  target: z.optional(Target),
});
export type Indicator = z.infer<typeof Indicator>;

export const SurveyDefinition = z
  .object({
    id: SurveyId,
    version: z.number().check(z.int(), z.gte(1)),
    /**
     * When this version was published: an answer to it claiming an earlier submittedAt has a wrong
     * clock and is held (DESIGN "integrity"). Optional for definitions written before publishing.
     */
    publishedAt: z.optional(z.iso.datetime({ offset: true })),
    title: LocalizedText,
    description: LocalizedText,
    /**
     * The answer period as Tokyo calendar days (the workbook's settings sheet: opens, closes), both
     * days included; printed on the flyer, closes as the deadline.
     */
    opens: z.optional(z.iso.date()),
    closes: z.optional(z.iso.date()),
    /** Who answers residents' questions (section, phone, hours): printed on the flyer. */
    contact: z.optional(LocalizedText),
    locales: z.array(Locale).check(z.minLength(1)),
    /** Groups with a base below this are suppressed in breakdowns (small-cell rule). */
    minCell: z._default(z.number().check(z.int(), z.gte(1)), 10),
    questions: z.array(Question).check(z.minLength(1)),
    indicators: z._default(z.array(Indicator), []),
  })
  .check(
    z.superRefine((def, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: "custom", path, message });
      if (!def.locales.includes("ja")) issue(["locales"], "must include ja");

      // Every text has every language the survey declares: a missing translation is an error, not a blank.
      const checkText = (text: LocalizedText | undefined, path: (string | number)[]) => {
        if (!text) return;
        for (const locale of def.locales) if (!text[locale]) issue(path, `missing the ${locale} translation`);
      };
      checkText(def.title, ["title"]);
      checkText(def.description, ["description"]);
      checkText(def.contact, ["contact"]);
      // YYYY-MM-DD strings compare as the days they name. A period that ends before it starts would
      // print a deadline already past on the first day.
      if (def.opens && def.closes && def.closes < def.opens)
        issue(["closes"], `${def.closes} is before opens (${def.opens})`);

      const seen = new Map<string, Question>();
      def.questions.forEach((q, i) => {
        const at = ["questions", i];
        if (seen.has(q.id)) issue([...at, "id"], `duplicate question id "${q.id}"`);
        checkText(q.label, [...at, "label"]);
        checkText(q.shortLabel, [...at, "shortLabel"]);
        checkText(q.help, [...at, "help"]);
        if (q.kind === "single" || q.kind === "multiple") {
          const ids = new Set<string>();
          q.options.forEach((o, j) => {
            if (ids.has(o.id)) issue([...at, "options", j, "id"], `duplicate option id "${o.id}"`);
            ids.add(o.id);
            checkText(o.label, [...at, "options", j, "label"]);
          });
          if (q.kind === "multiple")
            q.exclusive.forEach((id, j) => {
              if (!ids.has(id)) issue([...at, "exclusive", j], `"${id}" is not an option of "${q.id}"`);
            });
        }
        if (q.kind === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max)
          issue([...at, "min"], "min is greater than max");
        if (q.kind === "number") checkText(q.unit, [...at, "unit"]);
        if (q.showIf) {
          // Conditions may only look back, so the form never depends on an answer not yet given.
          const source = seen.get(q.showIf.questionId);
          if (!source)
            issue([...at, "showIf", "questionId"], `"${q.showIf.questionId}" is not an earlier question`);
          else if (source.kind !== "single" && source.kind !== "multiple")
            issue([...at, "showIf", "questionId"], `"${source.id}" is not a choice question`);
          else
            q.showIf.anyOf.forEach((id, j) => {
              if (!source.options.some((o) => o.id === id))
                issue([...at, "showIf", "anyOf", j], `"${id}" is not an option of "${source.id}"`);
            });
        }
        // Keep the first of duplicate ids: overwriting made later showIf and indicator checks run
        // against the duplicate and report a misleading second error on top of the duplicate.
        if (!seen.has(q.id)) seen.set(q.id, q);
      });

      const indicatorIds = new Set<string>();
      for (const [i, ind] of def.indicators.entries()) {
        const at = ["indicators", i];
        if (indicatorIds.has(ind.id)) issue([...at, "id"], `duplicate indicator id "${ind.id}"`);
        indicatorIds.add(ind.id);
        checkText(ind.label, [...at, "label"]);
        checkText(ind.shortLabel, [...at, "shortLabel"]);
        const q = seen.get(ind.questionId);
        if (!q) {
          issue([...at, "questionId"], `"${ind.questionId}" is not a question of this survey`);
          continue;
        }
        if (q.kind !== "single") {
          issue([...at, "questionId"], `"${q.id}" is not a single-choice question`);
          continue;
        }
        const check = (list: string[], key: string) =>
          list.forEach((id, j) => {
            if (!q.options.some((o) => o.id === id))
              issue([...at, key, j], `"${id}" is not an option of "${q.id}"`);
          });
        check(ind.positive, "positive");
        check(ind.excludeFromBase, "excludeFromBase");
        for (const id of ind.positive)
          if (ind.excludeFromBase.includes(id))
            issue([...at, "positive"], `"${id}" is both positive and excluded`);
      }
    }),
  );
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;
/** What an author writes: defaults (required, minCell, …) may be left out. */
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>;

/** What a survey's flow and checks read of it (domain/visibility.ts, validate.ts): its questions. */
export type Questions = Pick<SurveyDefinition, "questions">;
