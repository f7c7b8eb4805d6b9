import * as XLSX from "@e965/xlsx";
import type { SurveyDefinition } from "../../domain/definition";
import { SHEETS } from "./columns";
import { type SheetRows, workbookRows } from "./workbook-rows";

/** The admin's notes in a template: not one of SHEETS, so readWorkbook passes it by. */
export const NOTES_SHEET = "notes";

/**
 * The definition as an .xlsx workbook: the template an admin edits, read back by readWorkbook.
 * `notes`, one line a row, go on a last sheet of their own for the admin (which values stand in for
 * the ward's own); the reader reads only its four sheets, so the notes never reach a definition.
 */
export function writeWorkbook(def: SurveyDefinition, notes: readonly string[] = []): Buffer {
  const rows = workbookRows(def);
  const book = XLSX.utils.book_new();
  for (const name of SHEETS) XLSX.utils.book_append_sheet(book, sheetOf(rows[name]), name);
  if (notes.length > 0) {
    const sheet = XLSX.utils.aoa_to_sheet(notes.map((line) => [line]));
    sheet["!cols"] = [{ wch: 120 }];
    XLSX.utils.book_append_sheet(book, sheet, NOTES_SHEET);
  }
  return XLSX.write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

function sheetOf(rows: SheetRows): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const [headers = []] = rows;
  // Wide enough to read: texts in every language are long, ids and flags short.
  sheet["!cols"] = headers.map((header) => ({ wch: String(header).includes("::") ? 36 : 14 }));
  sheet["!autofilter"] = {
    ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: headers.length - 1 } }),
  };
  return sheet;
}
