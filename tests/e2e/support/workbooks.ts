import * as XLSX from "@e965/xlsx";

/**
 * The workbook with one mistake an admin makes: the survey sheet's type cell of the first row that
 * `pick` chooses names a choice list that does not exist. Returns the file and the cell, as the
 * collector names it (survey!C7).
 */
export function withWrongList(
  good: Buffer,
  pick: (row: readonly unknown[], header: readonly string[]) => boolean,
): { file: Buffer; cell: string } {
  const book = XLSX.read(good, { type: "buffer" });
  const sheet = book.Sheets.survey as XLSX.WorkSheet;
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
  const header = rows[0] ?? [];
  const row = rows.findIndex((r, i) => i > 0 && pick(r, header));
  const address = XLSX.utils.encode_cell({ r: row, c: header.indexOf("type") });
  sheet[address] = { t: "s", v: "select_one no_such_list" };
  return {
    file: XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer,
    cell: `survey!${address}`,
  };
}
