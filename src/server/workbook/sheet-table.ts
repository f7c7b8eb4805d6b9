import * as XLSX from "@e965/xlsx";
import { type CellRef, problemAt, type WorkbookProblem } from "./problems";

/** A cell's value as the workbook reader uses it: text (trimmed), a number, or yes/no. */
export type CellValue = string | number | boolean;

export interface TableRow {
  /** 1-based, as Excel shows it. */
  row: number;
  values: Map<string, CellValue>;
}

/** One sheet: its headers (row 1, by name, with their column letters) and its non-blank rows. */
export interface Table {
  sheet: string;
  columns: Map<string, string>;
  rows: TableRow[];
  /** The first column right of the headers: where a missing column would go. */
  nextColumn: string;
}

export function cellOf(table: Table, row: number, header: string): CellRef {
  return { sheet: table.sheet, row, column: table.columns.get(header) ?? table.nextColumn };
}

/**
 * The sheet as a table. Headers are matched case-insensitively before `::` (label::ja, Label::ja).
 * A cell holding a formula is a problem (the value shown in Excel may not be the one saved, and a
 * definition must say what it means without a spreadsheet engine); its cached value is not used.
 */
export function readTable(book: XLSX.WorkBook, sheet: string, problems: WorkbookProblem[]): Table | null {
  const ws = book.Sheets[sheet];
  if (!ws) return null;
  const range = ws["!ref"] ? XLSX.utils.decode_range(ws["!ref"]) : null;
  const columns = new Map<string, string>();
  const byIndex = new Map<number, string>();
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  if (!range) return { sheet, columns, rows: [], nextColumn: "A" };
  for (let c = range.s.c; c <= range.e.c; c++) {
    const cell = ws[XLSX.utils.encode_cell({ r: 0, c })] as XLSX.CellObject | undefined;
    const value = cell ? cellValue(cell, date1904) : undefined;
    if (cell?.f) problems.push(problemAt(at(sheet, 0, c), "formula", { formula: `=${cell.f}` }));
    if (value === undefined || value === "") continue;
    const header = normaliseHeader(String(value));
    byIndex.set(c, header);
    if (!columns.has(header)) columns.set(header, XLSX.utils.encode_col(c));
  }
  const rows: TableRow[] = [];
  for (let r = Math.max(1, range.s.r); r <= range.e.r; r++) {
    const values = new Map<string, CellValue>();
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell) continue;
      if (cell.f) {
        problems.push(problemAt(at(sheet, r, c), "formula", { formula: `=${cell.f}` }));
        continue;
      }
      const header = byIndex.get(c);
      const value = cellValue(cell, date1904);
      if (header !== undefined && value !== undefined && value !== "" && !values.has(header))
        values.set(header, value);
    }
    if (values.size > 0) rows.push({ row: r + 1, values });
  }
  return { sheet, columns, rows, nextColumn: XLSX.utils.encode_col(range.e.c + 1) };
}

function at(sheet: string, r: number, c: number): CellRef {
  return { sheet, row: r + 1, column: XLSX.utils.encode_col(c) };
}

function normaliseHeader(text: string): string {
  const [name = "", ...rest] = text.trim().split("::");
  return rest.length === 0
    ? name.trim().toLowerCase()
    : `${name.trim().toLowerCase()}::${rest.join("::").trim()}`;
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue | undefined {
  switch (cell.t) {
    case "s":
      // Excel on Windows may keep CRLF inside a cell; the definition's texts use LF.
      return String(cell.v ?? "")
        .replace(/\r\n?/g, "\n")
        .trim();
    case "b":
      return Boolean(cell.v);
    case "n":
      if (typeof cell.v !== "number") return undefined;
      return cell.z !== undefined && XLSX.SSF.is_date(cell.z) ? dateText(cell.v, date1904) : cell.v;
    case "d":
      return cell.v instanceof Date ? isoOf(cell.v) : undefined;
    default:
      // "z" (a styled blank) and "e" (an error such as #N/A, only ever the result of a formula).
      return cell.t === "e" ? String(cell.w ?? "#ERROR") : undefined;
  }
}

/** An Excel serial day number as it reads in Excel: a calendar day, or a day and a time (UTC-free). */
function dateText(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return isoOf(new Date(epoch + Math.round(serial * 86_400_000)));
}

function isoOf(date: Date): string {
  const text = date.toISOString();
  return text.endsWith("T00:00:00.000Z") ? text.slice(0, 10) : text.slice(0, 19);
}
