import * as XLSX from "@e965/xlsx";
import type { SurveyDefinition } from "../../domain/definition";
import { SHEETS } from "./columns";
import { type SheetRows, workbookRows } from "./workbook-rows";

/** The definition as an .xlsx workbook: the template an admin edits, read back by readWorkbook. */
export function writeWorkbook(def: SurveyDefinition): Buffer {
  const rows = workbookRows(def);
  const book = XLSX.utils.book_new();
  for (const name of SHEETS) XLSX.utils.book_append_sheet(book, sheetOf(rows[name]), name);
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
