import * as XLSX from "@e965/xlsx";
import { SurveyDefinition } from "../../domain/definition";
import { checkColumns, SHEETS, type SheetName } from "./columns";
import { type DefinitionPath, Findings } from "./findings";
import { fileProblem, problemAt, type WorkbookProblem } from "./problems";
import { readChoiceLists } from "./read-choices";
import { readIndicators } from "./read-indicators";
import { readQuestions } from "./read-questions";
import { readLanguages, readSettings } from "./read-settings";
import { readTable, type Table } from "./sheet-table";
import { guardWorkbookFile } from "./zip-guard";

export type WorkbookReading =
  | { ok: true; definition: SurveyDefinition; warnings: WorkbookProblem[] }
  | { ok: false; problems: WorkbookProblem[] };

/**
 * An uploaded .xlsx as a survey definition, or every problem in it, each at its cell. Nothing
 * partial: a workbook with any problem gives no definition. The domain's schema has the last word;
 * whatever it finds that the sheets' own checks did not is reported at the cell it came from.
 */
export function readWorkbook(bytes: Uint8Array): WorkbookReading {
  const refused = guardWorkbookFile(bytes);
  if (refused) return { ok: false, problems: [refused] };
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {
      type: "buffer",
      cellFormula: true,
      cellNF: true,
      cellHTML: false,
      cellText: false,
      bookVBA: false,
    });
  } catch (error) {
    return { ok: false, problems: [fileProblem("not_xlsx", { reason: (error as Error).message })] };
  }

  const findings = new Findings();
  const tables = readTables(book, findings);
  const locales = readLanguages(tables.settings, findings);
  for (const name of SHEETS)
    if (book.SheetNames.some((s) => s.toLowerCase() === name)) checkColumns(tables[name], locales, findings);
  const settings = readSettings(tables.settings, locales, findings);
  const lists = readChoiceLists(tables.choices, locales, findings);
  const { questions, index } = readQuestions(tables.survey, tables.choices, lists, locales, findings);
  const indicators = readIndicators(tables.indicators, index, locales, findings);

  const parsed = SurveyDefinition.safeParse({ ...settings, questions, indicators });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path: DefinitionPath = issue.path.map((part) => (typeof part === "number" ? part : String(part)));
      if (findings.isCovered(path)) continue;
      const cell = findings.cellOf(path) ?? { sheet: tables.settings.sheet, row: 1, column: "A" };
      findings.problems.push(
        problemAt(cell, "invalid_value", { detail: issue.message, field: path.join(".") }),
      );
    }
  if (findings.problems.length > 0 || !parsed.success)
    return { ok: false, problems: sortProblems(findings.problems) };

  const used = new Set(tables.survey.rows.map((r) => String(r.values.get("type") ?? "").split(/\s+/)[1]));
  const warnings = [...lists.values()]
    .filter((list) => !used.has(list.name))
    .map((list) => {
      const first = list.choices[0]?.row ?? 2;
      return problemAt(
        { sheet: tables.choices.sheet, row: first, column: tables.choices.columns.get("list_name") ?? "A" },
        "unused_list",
        { list: list.name },
      );
    });
  return { ok: true, definition: parsed.data, warnings };
}

function readTables(book: XLSX.WorkBook, findings: Findings): Record<SheetName, Table> {
  const tables = {} as Record<SheetName, Table>;
  for (const name of SHEETS) {
    const actual = book.SheetNames.find((s) => s.toLowerCase() === name);
    const table = actual ? readTable(book, actual, findings.problems) : null;
    if (!table)
      findings.problems.push(
        problemAt({ sheet: name, row: null, column: null }, "missing_sheet", { sheet: name }),
      );
    tables[name] = table ?? { sheet: name, columns: new Map(), rows: [], nextColumn: "A" };
  }
  return tables;
}

/** In the order of the sheets, then of rows and columns, as one reads the workbook. */
function sortProblems(problems: WorkbookProblem[]): WorkbookProblem[] {
  const sheetOrder = (p: WorkbookProblem) =>
    p.sheet === null ? -1 : SHEETS.indexOf(p.sheet.toLowerCase() as SheetName);
  const columnOrder = (c: string | null) => (c === null ? -1 : c.length * 1000 + c.charCodeAt(c.length - 1));
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        sheetOrder(a.p) - sheetOrder(b.p) ||
        (a.p.row ?? 0) - (b.p.row ?? 0) ||
        columnOrder(a.p.column) - columnOrder(b.p.column) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}
