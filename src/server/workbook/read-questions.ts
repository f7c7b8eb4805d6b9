import type { SurveyDefinitionInput } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { DefinitionPath, Findings } from "./findings";
import { NAME } from "./names";
import type { QuestionIndex } from "./question-index";
import { readQuestionType } from "./question-type";
import type { ChoiceList } from "./read-choices";
import { readRelevant } from "./read-relevant";
import { RowReader } from "./row-reader";
import { cellOf, type Table } from "./sheet-table";

type QuestionInput = SurveyDefinitionInput["questions"][number];

export function readQuestions(
  survey: Table,
  choices: Table,
  lists: Map<string, ChoiceList>,
  locales: Locale[],
  findings: Findings,
): { questions: QuestionInput[]; index: QuestionIndex } {
  findings.place(["questions"], { sheet: survey.sheet, row: 2, column: "A" });
  const index: QuestionIndex = {
    read: new Map(),
    unreadable: new Set(),
    unnamed: !survey.columns.has("name"),
  };
  const rowOfName = new Map<string, number>();
  for (const source of survey.rows) {
    const name = source.values.get("name");
    if (name !== undefined && !rowOfName.has(String(name))) rowOfName.set(String(name), source.row);
  }
  const questions: QuestionInput[] = [];
  for (const source of survey.rows) {
    const row = new RowReader(survey, source, findings);
    const type = readQuestionType(row, lists);
    const name = row.required("name");
    // A row that cannot become a question is still checked whole, under a path of its own.
    const at: DefinitionPath =
      type && name !== undefined ? ["questions", questions.length] : ["unread", source.row];
    findings.place(at, row.cell("name"));
    findings.place([...at, "id"], row.cell("name"));
    findings.place([...at, "kind"], row.cell("type"));
    findings.place([...at, "required"], row.cell("required"));
    if (name !== undefined && !NAME.test(name))
      findings.add(row.cell("name"), "invalid_name", { name }, [...at, "id"]);
    const firstRow = name === undefined ? undefined : rowOfName.get(name);
    if (name !== undefined && firstRow !== undefined && firstRow !== source.row) {
      findings.add(row.cell("name"), "duplicate_name", { name, firstRow }, [...at, "id"]);
      // The schema would check its relevant and indicators against the first of the name.
      findings.cover(at);
    }
    const label = row.localized("label", locales, [...at, "label"], true) ?? { ja: "" };
    const shortLabel = row.localized("short_label", locales, [...at, "shortLabel"], false);
    const help = row.localized("hint", locales, [...at, "help"], false);
    const required = row.yesNo("required");
    const showIf = readRelevant(row, at, index, rowOfName, findings);
    if (!type || name === undefined) {
      if (name !== undefined) index.unreadable.add(name);
      continue;
    }
    const question: QuestionInput = {
      id: name,
      label,
      required,
      ...kindFields(row, type, at, choices, lists, findings, locales),
    } as QuestionInput;
    if (shortLabel) question.shortLabel = shortLabel;
    if (help) question.help = help;
    if (showIf) question.showIf = showIf;
    questions.push(question);
    if (!index.read.has(name) && !index.unreadable.has(name))
      index.read.set(name, {
        kind: question.kind,
        type: type.written,
        optionIds: new Set("options" in question ? question.options.map((o) => o.id) : []),
      });
  }
  // Rows there were, but none could be read: their problems are reported, "no question" would repeat them.
  if (questions.length === 0 && survey.rows.length > 0) findings.cover(["questions"]);
  return { questions, index };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type KindFields = DistributiveOmit<QuestionInput, "id" | "label" | "help" | "required" | "showIf">;

function kindFields(
  row: RowReader,
  type: NonNullable<ReturnType<typeof readQuestionType>>,
  at: DefinitionPath,
  choices: Table,
  lists: Map<string, ChoiceList>,
  findings: Findings,
  locales: Locale[],
): KindFields {
  const notFor = (columns: string[]) => {
    for (const column of columns)
      if (row.has(column)) findings.add(row.cell(column), "not_for_type", { column, type: type.written });
  };
  const appearance = row.text("appearance");
  if (appearance !== undefined && !(type.kind === "text" && appearance.toLowerCase() === "multiline"))
    findings.add(row.cell("appearance"), "unsupported_appearance", { value: appearance });
  const unitColumns = [...row.source.values.keys()].filter((h) => h.startsWith("unit::"));

  if (type.kind === "single" || type.kind === "multiple") {
    notFor(["min", "max", "max_length", ...unitColumns]);
    const list = lists.get(type.list);
    const chosen = list?.choices ?? [];
    findings.place([...at, "options"], row.cell("type"));
    findings.place([...at, "exclusive"], row.cell("type"));
    chosen.forEach((choice, j) => {
      const cell = (header: string) => cellOf(choices, choice.row, header);
      const path = [...at, "options", j];
      findings.place(path, cell("name"));
      findings.place([...path, "label"], cell("label::ja"));
      for (const locale of locales) findings.place([...path, "label", locale], cell(`label::${locale}`));
      if (choice.flawed) findings.cover(path);
    });
    const options = chosen.map((c) => c.option);
    if (type.kind === "single") return { kind: "single", options };
    const exclusive: string[] = [];
    for (const choice of chosen)
      if (choice.exclusive) {
        findings.place([...at, "exclusive", exclusive.length], cellOf(choices, choice.row, "exclusive"));
        exclusive.push(choice.option.id);
      }
    return { kind: "multiple", options, exclusive };
  }
  if (type.kind === "text") {
    notFor(["min", "max", ...unitColumns]);
    findings.place([...at, "maxLength"], row.cell("max_length"));
    findings.place([...at, "multiline"], row.cell("appearance"));
    if (!row.has("max_length")) row.required("max_length");
    const maxLength = row.number("max_length", { integer: true, min: 1, max: 4000 });
    if (maxLength === undefined) findings.cover([...at, "maxLength"]);
    return { kind: "text", maxLength: maxLength ?? 1, multiline: appearance?.toLowerCase() === "multiline" };
  }
  notFor(["max_length"]);
  for (const key of ["min", "max"] as const) findings.place([...at, key], row.cell(key));
  findings.place([...at, "integer"], row.cell("type"));
  const min = row.number("min");
  const max = row.number("max");
  if (min !== undefined && max !== undefined && min > max)
    findings.add(row.cell("min"), "min_above_max", { min, max }, [...at, "min"]);
  const unit = row.localized("unit", locales, [...at, "unit"], false);
  const fields: Extract<KindFields, { kind: "number" }> = { kind: "number", integer: type.integer };
  if (min !== undefined) fields.min = min;
  if (max !== undefined) fields.max = max;
  if (unit) fields.unit = unit;
  return fields;
}
