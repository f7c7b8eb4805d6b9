import { renderToString } from "preact-render-to-string";
import { beforeAll, describe, expect, it } from "vitest";
import { ProblemTable } from "../../src/app/dashboard/versions/problem-table";
import { changeText, KNOWN_PROBLEM_CODES, problemText } from "../../src/app/dashboard/versions/wording";
import type { DefinitionChange, WorkbookProblem } from "../../src/contract/versions";
import type { SurveyDefinition } from "../../src/domain/definition";
import { initI18n, loadStaffMessages, setLanguage } from "../../src/i18n";
import staffEn from "../../src/i18n/staff/en";
import ward from "../../surveys/ward-resident.json";

const def = ward as unknown as SurveyDefinition;
const LANGUAGES = ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"] as const;

/** One change of every kind, so that a kind without its words fails here. */
const EVERY_CHANGE: DefinitionChange[] = [
  { kind: "title_changed", locales: ["ja", "vi"] },
  { kind: "description_changed", locales: ["en"] },
  { kind: "contact_changed", locales: ["ko"] },
  { kind: "opens_changed", from: null, to: "2027-07-01" },
  { kind: "closes_changed", from: "2026-07-31", to: "2027-07-31" },
  { kind: "locale_added", locale: "vi" },
  { kind: "locale_removed", locale: "ko" },
  { kind: "min_cell_changed", from: 10, to: 20 },
  { kind: "question_added", questionId: "q_new" },
  { kind: "question_removed", questionId: "q_comment" },
  { kind: "question_moved", questionId: "q_age", after: "q_area" },
  { kind: "question_moved", questionId: "q_age", after: null },
  { kind: "question_reworded", questionId: "q_age", label: ["ja"], help: ["en"] },
  { kind: "question_kind_changed", questionId: "q_years", from: "number", to: "single" },
  { kind: "question_required_changed", questionId: "q_age", from: false, to: true },
  { kind: "question_required_changed", questionId: "q_age", from: true, to: false },
  { kind: "skip_logic_changed", questionId: "q_disaster_measures", from: null, to: null },
  { kind: "options_added", questionId: "q_age", optionIds: ["age_80_plus"] },
  { kind: "options_removed", questionId: "q_age", optionIds: ["age_70_plus"] },
  { kind: "option_relabelled", questionId: "q_age", optionId: "age_30_39", locales: ["vi"] },
  { kind: "options_reordered", questionId: "q_age" },
  { kind: "exclusive_changed", questionId: "q_info_sources", from: [], to: ["none"] },
  {
    kind: "number_limits_changed",
    questionId: "q_years",
    from: { min: 0, max: 100, integer: true },
    to: { min: 0, max: 120, integer: true },
  },
  { kind: "unit_reworded", questionId: "q_years", locales: ["en"] },
  {
    kind: "text_limits_changed",
    questionId: "q_comment",
    from: { maxLength: 1000, multiline: true },
    to: { maxLength: 2000, multiline: true },
  },
  { kind: "indicator_added", indicatorId: "new_indicator" },
  { kind: "indicator_removed", indicatorId: "old_indicator" },
  { kind: "indicator_moved", indicatorId: "a", after: "b" },
  { kind: "indicator_moved", indicatorId: "a", after: null },
  { kind: "indicator_relabelled", indicatorId: "a", locales: ["ja"] },
  { kind: "indicator_question_changed", indicatorId: "a", from: "q_age", to: "q_area" },
  { kind: "indicator_positive_changed", indicatorId: "a", from: ["yes"], to: ["yes", "somewhat"] },
  { kind: "indicator_excluded_changed", indicatorId: "a", from: [], to: ["dont_know"] },
  { kind: "indicator_target_changed", indicatorId: "a", from: null, to: { op: ">=", value: 70 } },
];

const problem = (over: Partial<WorkbookProblem>): WorkbookProblem => ({
  sheet: "survey",
  row: 7,
  column: "C",
  code: "unknown_list",
  params: { list: "yes_no_maybe" },
  message: 'no choice list named "yes_no_maybe" on the choices sheet',
  ...over,
});

beforeAll(async () => {
  await initI18n("en");
  await loadStaffMessages();
});

describe("the versions section's words", () => {
  it("words a question added with its id and, where the definition has it, its label", async () => {
    await setLanguage("en");
    const q = def.questions.find((x) => x.id === "q_age");
    expect(
      changeText({ kind: "question_added", questionId: "q_age" }, { definitions: [def], locale: "en" }),
    ).toBe(`Question added: q_age “${q?.label.en}”`);
    expect(changeText({ kind: "question_added", questionId: "q_new" })).toBe("Question added: q_new");
    await setLanguage("ja");
    expect(
      changeText({ kind: "question_added", questionId: "q_age" }, { definitions: [def], locale: "ja" }),
    ).toBe(`設問を追加：q_age「${q?.label.ja}」`);
  });

  it("says which way a required flag went, and when a move put an item first", async () => {
    await setLanguage("en");
    expect(changeText({ kind: "question_required_changed", questionId: "q_x", from: false, to: true })).toBe(
      "Question now required: q_x",
    );
    expect(changeText({ kind: "question_required_changed", questionId: "q_x", from: true, to: false })).toBe(
      "Question now optional: q_x",
    );
    expect(changeText({ kind: "question_moved", questionId: "q_x", after: null })).toBe(
      "Question moved: q_x, now first",
    );
    expect(
      changeText({
        kind: "indicator_target_changed",
        indicatorId: "i",
        from: null,
        to: { op: ">=", value: 70 },
      }),
    ).toBe("Target of indicator i changed: none → >= 70%");
  });

  it.each(LANGUAGES)("words every change kind in %s, every value filled in", async (language) => {
    await setLanguage(language);
    for (const change of EVERY_CHANGE) {
      const text = changeText(change);
      expect(text, change.kind).not.toMatch(/versions\.|\{\{|undefined/);
      if ("questionId" in change) expect(text, change.kind).toContain(change.questionId);
      if ("indicatorId" in change) expect(text, change.kind).toContain(change.indicatorId);
    }
  });

  it("knows every problem code the staff catalogue words, and the catalogue words every code it knows", () => {
    expect(new Set(Object.keys(staffEn.versions.problems))).toEqual(KNOWN_PROBLEM_CODES);
  });

  it("words a problem from its code and params, and a code it does not know in the collector's English", async () => {
    await setLanguage("ja");
    expect(problemText(problem({}))).toBe("choices シートに「yes_no_maybe」という選択肢リストがありません。");
    expect(problemText(problem({ code: "brand_new_code", params: {}, message: "something new" }))).toBe(
      "something new",
    );
  });
});

describe("ProblemTable", () => {
  it("draws one row per problem: the cell as Excel names it, then the problem worded", async () => {
    await setLanguage("en");
    const html = renderToString(
      <ProblemTable
        caption="Problems"
        problems={[
          problem({}),
          problem({
            sheet: "indicators",
            row: 3,
            column: "E",
            code: "target_format",
            params: { value: "70%" },
          }),
          problem({ sheet: null, row: null, column: null, code: "not_xlsx", params: { reason: "no zip" } }),
          problem({
            sheet: "settings",
            row: null,
            column: null,
            code: "missing_sheet",
            params: { sheet: "settings" },
          }),
        ]}
      />,
    );
    const rows = [...html.matchAll(/<tr><th scope="row"[^>]*>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows).toEqual([
      ["survey!C7", "There is no choice list named “yes_no_maybe” on the choices sheet."],
      ["indicators!E3", "The target “70%” must be written as >= N or &lt;= N (N a percent from 0 to 100)."],
      ["The whole file", "This is not an .xlsx workbook (no zip). Save it from Excel as .xlsx."],
      ["settings", "The workbook has no sheet named “settings”."],
    ]);
  });
});
