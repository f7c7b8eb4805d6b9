import type { Condition } from "../../domain/definition";
import type { DefinitionPath, Findings } from "./findings";
import type { QuestionIndex } from "./question-index";
import { parseRelevant } from "./relevant";
import type { RowReader } from "./row-reader";

/**
 * The relevant column as skip logic, checked as the domain checks it: it looks back, at a choice
 * question, at options that question has. A reference to a row that could not be read is left to
 * that row's own problem.
 */
export function readRelevant(
  row: RowReader,
  at: DefinitionPath,
  index: QuestionIndex,
  rowOfName: Map<string, number>,
  findings: Findings,
): Condition | undefined {
  const expression = row.text("relevant");
  if (expression === undefined) return undefined;
  const cell = row.cell("relevant");
  const path = [...at, "showIf"];
  findings.place(path, cell);
  const condition = parseRelevant(expression);
  if (!condition) {
    findings.add(cell, "relevant_unsupported", { expression }, path);
    return undefined;
  }
  const question = condition.questionId;
  const source = index.read.get(question);
  if (!source) {
    if (index.unreadable.has(question) || index.unnamed) findings.cover(path);
    else if (rowOfName.has(question)) findings.add(cell, "relevant_forward", { question }, path);
    else findings.add(cell, "relevant_missing_question", { question }, path);
    return condition;
  }
  if (source.kind !== "single" && source.kind !== "multiple") {
    findings.add(cell, "relevant_not_choice", { question }, path);
    return condition;
  }
  for (const option of condition.anyOf)
    if (!source.optionIds.has(option)) findings.add(cell, "unknown_option", { question, option }, path);
  return condition;
}
