// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes ${name} in its relevant column
import { describe, expect, it } from "vitest";
import type { WorkbookProblem } from "../../../src/server/workbook/problems";
import { readWorkbook } from "../../../src/server/workbook/read-workbook";
import { dropColumn, type Rows, setCell, shippedRows, toXlsx } from "./workbook-fixture";

// The shipped survey's workbook: survey rows 2..15 are q_area, q_age, q_housing, q_children,
// q_years, q_disaster_prep, q_disaster_measures, q_info_reach, q_info_sources, q_know_council,
// q_local_activity, q_watch_over, q_childcare_consult, q_comment. Columns of survey: type A,
// name B, label::ja..vi C-H, short_label I-N, hint O-T, required U, relevant V, min W, max X,
// unit Y-AD, max_length AE, appearance AF. choices: list_name A, name B, label C-H, exclusive I.
// indicators: id A, question B, positive C, exclude D, target E, label F-K, short_label L-Q.
// settings: id A, version B, title C-H, description I-N, contact O-T, languages U, min_cell V,
// opens W, closes X.

interface Case {
  code: WorkbookProblem["code"];
  spoil: (rows: Rows) => void;
  at: [sheet: string, row: number, column: string];
  params?: Record<string, string | number>;
}

const cases: Case[] = [
  {
    code: "unknown_list",
    spoil: (r) => setCell(r, "survey", 4, "type", "select_one nope"),
    at: ["survey", 4, "A"],
  },
  {
    code: "duplicate_name",
    spoil: (r) => setCell(r, "survey", 3, "name", "q_area"),
    at: ["survey", 3, "B"],
    params: { name: "q_area", firstRow: 2 },
  },
  {
    code: "relevant_forward",
    spoil: (r) => setCell(r, "survey", 8, "relevant", "${q_info_reach} = 'feel'"),
    at: ["survey", 8, "V"],
  },
  {
    code: "unknown_option",
    spoil: (r) => setCell(r, "survey", 8, "relevant", "${q_disaster_prep} = 'maybe'"),
    at: ["survey", 8, "V"],
    params: { question: "q_disaster_prep", option: "maybe" },
  },
  {
    code: "relevant_missing_question",
    spoil: (r) => setCell(r, "survey", 8, "relevant", "selected(${q_gone}, 'yes')"),
    at: ["survey", 8, "V"],
  },
  {
    code: "relevant_not_choice",
    spoil: (r) => setCell(r, "survey", 8, "relevant", "${q_years} = '3'"),
    at: ["survey", 8, "V"],
  },
  {
    code: "relevant_unsupported",
    spoil: (r) => setCell(r, "survey", 8, "relevant", "${q_disaster_prep} = 'yes' and ${q_children} = 'yes'"),
    at: ["survey", 8, "V"],
  },
  {
    code: "indicator_question_missing",
    spoil: (r) => setCell(r, "indicators", 2, "question", "q_gone"),
    at: ["indicators", 2, "B"],
  },
  {
    code: "indicator_question_not_single",
    spoil: (r) => setCell(r, "indicators", 2, "question", "q_info_sources"),
    at: ["indicators", 2, "B"],
    params: { question: "q_info_sources", type: "select_multiple q_info_sources" },
  },
  {
    code: "unknown_option",
    spoil: (r) => setCell(r, "indicators", 3, "positive", "feel very"),
    at: ["indicators", 3, "C"],
  },
  {
    code: "positive_and_excluded",
    spoil: (r) => setCell(r, "indicators", 2, "exclude", "dont_know yes"),
    at: ["indicators", 2, "D"],
  },
  {
    code: "missing_translation",
    spoil: (r) => setCell(r, "survey", 3, "label::vi", undefined),
    at: ["survey", 3, "H"],
    params: { locale: "vi", column: "label::vi" },
  },
  {
    code: "missing_translation",
    spoil: (r) => setCell(r, "survey", 3, "short_label::vi", undefined),
    at: ["survey", 3, "N"],
    params: { locale: "vi", column: "short_label::vi" },
  },
  {
    code: "missing_translation",
    spoil: (r) => setCell(r, "indicators", 2, "short_label::en", undefined),
    at: ["indicators", 2, "N"],
    params: { locale: "en", column: "short_label::en" },
  },
  {
    code: "missing_column",
    spoil: (r) => dropColumn(r, "indicators", "short_label::ko"),
    at: ["indicators", 1, "Q"],
    params: { column: "short_label::ko" },
  },
  {
    code: "missing_translation",
    spoil: (r) => setCell(r, "choices", 5, "label::en", undefined),
    at: ["choices", 5, "E"],
  },
  {
    code: "missing_translation",
    spoil: (r) => setCell(r, "settings", 2, "title::ko", undefined),
    at: ["settings", 2, "G"],
  },
  {
    code: "target_format",
    spoil: (r) => setCell(r, "indicators", 3, "target", "70%"),
    at: ["indicators", 3, "E"],
  },
  {
    code: "target_format",
    spoil: (r) => setCell(r, "indicators", 3, "target", ">= 170"),
    at: ["indicators", 3, "E"],
  },
  {
    code: "min_above_max",
    spoil: (r) => setCell(r, "survey", 6, "min", 200),
    at: ["survey", 6, "W"],
    params: { min: 200, max: 100 },
  },
  { code: "missing_column", spoil: (r) => dropColumn(r, "choices", "label::vi"), at: ["choices", 1, "I"] },
  { code: "missing_column", spoil: (r) => dropColumn(r, "survey", "name"), at: ["survey", 1, "AF"] },
  {
    code: "unknown_column",
    spoil: (r) => setCell(r, "survey", 1, "appearance", "lable::en"),
    at: ["survey", 1, "AF"],
  },
  {
    code: "unknown_language",
    spoil: (r) => setCell(r, "settings", 2, "languages", "ja en fr"),
    at: ["settings", 2, "U"],
  },
  {
    code: "languages_without_ja",
    spoil: (r) => setCell(r, "settings", 2, "languages", "en"),
    at: ["settings", 2, "U"],
  },
  {
    code: "unsupported_type",
    spoil: (r) => setCell(r, "survey", 15, "type", "note"),
    at: ["survey", 15, "A"],
  },
  { code: "unknown_type", spoil: (r) => setCell(r, "survey", 15, "type", "essay"), at: ["survey", 15, "A"] },
  { code: "not_for_type", spoil: (r) => setCell(r, "survey", 2, "max_length", 10), at: ["survey", 2, "AE"] },
  {
    code: "unsupported_appearance",
    spoil: (r) => setCell(r, "survey", 6, "appearance", "w2"),
    at: ["survey", 6, "AF"],
  },
  {
    code: "invalid_name",
    spoil: (r) => setCell(r, "survey", 15, "name", "Comment"),
    at: ["survey", 15, "B"],
  },
  { code: "invalid_name", spoil: (r) => setCell(r, "choices", 3, "name", "area 2"), at: ["choices", 3, "B"] },
  {
    code: "invalid_survey_id",
    spoil: (r) => setCell(r, "settings", 2, "id", "Ward_2027"),
    at: ["settings", 2, "A"],
  },
  {
    code: "duplicate_name",
    spoil: (r) => setCell(r, "choices", 3, "name", "area_01"),
    at: ["choices", 3, "B"],
  },
  {
    code: "duplicate_name",
    spoil: (r) => setCell(r, "indicators", 3, "id", "disaster_prep"),
    at: ["indicators", 3, "A"],
  },
  { code: "not_a_number", spoil: (r) => setCell(r, "survey", 6, "max", "many"), at: ["survey", 6, "X"] },
  {
    code: "not_an_integer",
    spoil: (r) => setCell(r, "settings", 2, "version", 2.5),
    at: ["settings", 2, "B"],
  },
  {
    code: "out_of_range",
    spoil: (r) => setCell(r, "survey", 15, "max_length", 5000),
    at: ["survey", 15, "AE"],
  },
  {
    code: "missing_value",
    spoil: (r) => setCell(r, "survey", 15, "max_length", undefined),
    at: ["survey", 15, "AE"],
  },
  { code: "not_yes_no", spoil: (r) => setCell(r, "survey", 7, "required", "maybe"), at: ["survey", 7, "U"] },
  {
    code: "not_a_date",
    spoil: (r) => setCell(r, "settings", 2, "opens", "2026-02-30"),
    at: ["settings", 2, "W"],
  },
  {
    code: "closes_before_opens",
    spoil: (r) => {
      setCell(r, "settings", 2, "opens", "2026-07-01");
      setCell(r, "settings", 2, "closes", "2026-06-30");
    },
    at: ["settings", 2, "X"],
  },
  {
    code: "extra_settings_row",
    spoil: (r) => setCell(r, "settings", 3, "id", "another"),
    at: ["settings", 3, "A"],
  },
];

describe("each problem of a workbook is reported at its sheet, row and column", () => {
  it.each(cases.map((c) => [`${c.code} at ${c.at.join("!")}`, c] as const))("%s", (_, c) => {
    const rows = shippedRows();
    c.spoil(rows);
    const reading = readWorkbook(toXlsx(rows));
    expect(reading.ok).toBe(false);
    const problems = reading.ok ? [] : reading.problems;
    const [sheet, row, column] = c.at;
    expect(problems.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual([
      { sheet, row, column, code: c.code },
    ]);
    if (c.params) expect(problems[0]?.params).toMatchObject(c.params);
    expect(problems[0]?.message).not.toMatch(/(?<!\$)\{\w+\}/);
  });
});
