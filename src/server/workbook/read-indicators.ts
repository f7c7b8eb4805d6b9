import type { SurveyDefinitionInput } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { DefinitionPath, Findings } from "./findings";
import { NAME } from "./names";
import type { QuestionIndex } from "./question-index";
import { RowReader } from "./row-reader";
import type { Table } from "./sheet-table";
import { parseTarget } from "./target";

type IndicatorInput = NonNullable<SurveyDefinitionInput["indicators"]>[number];

/** The indicators sheet: each an outcome indicator on a select_one question of the survey sheet. */
export function readIndicators(
  table: Table,
  questions: QuestionIndex,
  locales: Locale[],
  findings: Findings,
): IndicatorInput[] {
  findings.place(["indicators"], { sheet: table.sheet, row: 2, column: "A" });
  const indicators: IndicatorInput[] = [];
  const firstRows = new Map<string, number>();
  for (const source of table.rows) {
    const row = new RowReader(table, source, findings);
    const at: DefinitionPath = ["indicators", indicators.length];
    const places: [string, string][] = [
      ["id", "id"],
      ["questionId", "question"],
      ["positive", "positive"],
      ["excludeFromBase", "exclude"],
      ["target", "target"],
    ];
    findings.place(at, row.cell("id"));
    for (const [key, header] of places) findings.place([...at, key], row.cell(header));

    const id = row.required("id", [...at, "id"]);
    if (id !== undefined && !NAME.test(id))
      findings.add(row.cell("id"), "invalid_name", { name: id }, [...at, "id"]);
    const firstRow = id === undefined ? undefined : firstRows.get(id);
    if (id !== undefined && firstRow !== undefined)
      findings.add(row.cell("id"), "duplicate_name", { name: id, firstRow }, [...at, "id"]);
    if (id !== undefined && firstRow === undefined) firstRows.set(id, source.row);

    const label = row.localized("label", locales, [...at, "label"], true) ?? { ja: "" };
    const shortLabel = row.localized("short_label", locales, [...at, "shortLabel"], false);
    const questionId = row.required("question", [...at, "questionId"]);
    const positive = row.names("positive");
    if (positive.length === 0) row.required("positive", [...at, "positive"]);
    const excludeFromBase = row.names("exclude");
    for (const option of positive)
      if (excludeFromBase.includes(option))
        findings.add(row.cell("exclude"), "positive_and_excluded", { option }, [...at, "positive"]);
    if (questionId !== undefined) checkQuestion(row, at, questionId, positive, excludeFromBase, questions);

    const indicator: IndicatorInput = {
      id: id ?? "",
      label,
      questionId: questionId ?? "",
      positive,
      excludeFromBase,
    };
    if (shortLabel) indicator.shortLabel = shortLabel;
    const targetText = row.text("target");
    if (targetText !== undefined) {
      const target = parseTarget(targetText);
      if (target) indicator.target = target;
      else findings.add(row.cell("target"), "target_format", { value: targetText }, [...at, "target"]);
    }
    indicators.push(indicator);
  }
  return indicators;
}

function checkQuestion(
  row: RowReader,
  at: DefinitionPath,
  questionId: string,
  positive: string[],
  excludeFromBase: string[],
  questions: QuestionIndex,
): void {
  const { findings } = row;
  const question = questions.read.get(questionId);
  if (!question) {
    if (questions.unreadable.has(questionId) || questions.unnamed) findings.cover(at);
    else findings.add(row.cell("question"), "indicator_question_missing", { question: questionId }, at);
    return;
  }
  if (question.kind !== "single") {
    findings.add(
      row.cell("question"),
      "indicator_question_not_single",
      { question: questionId, type: question.type },
      at,
    );
    return;
  }
  for (const [header, key, list] of [
    ["positive", "positive", positive],
    ["exclude", "excludeFromBase", excludeFromBase],
  ] as const)
    for (const option of list)
      if (!question.optionIds.has(option))
        findings.add(row.cell(header), "unknown_option", { question: questionId, option }, [...at, key]);
}
