import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import * as XLSX from "@e965/xlsx";
import { SurveyDefinition } from "../../../src/domain/definition";
import type { SheetName } from "../../../src/server/workbook/columns";
import { type Cell, type SheetRows, workbookRows } from "../../../src/server/workbook/workbook-rows";

export const shipped = SurveyDefinition.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, "../../../surveys/ward-resident.json"), "utf8")),
);

export type Rows = Record<SheetName, SheetRows>;

/** The shipped survey's sheets, to be spoiled one cell at a time. */
export function shippedRows(): Rows {
  return structuredClone(workbookRows(shipped));
}

/** Sets the cell in Excel's row `row` (1-based) under `header`. */
export function setCell(rows: Rows, sheet: SheetName, row: number, header: string, value: Cell): void {
  const table = rows[sheet];
  const column = table[0]?.indexOf(header) ?? -1;
  if (column < 0) throw new Error(`no column ${header} on ${sheet}`);
  const line = table[row - 1] ?? [];
  table[row - 1] = line;
  line[column] = value;
}

export function dropColumn(rows: Rows, sheet: SheetName, header: string): void {
  const column = rows[sheet][0]?.indexOf(header) ?? -1;
  for (const line of rows[sheet]) line.splice(column, 1);
}

/** The rows as an .xlsx; `formulas` puts a formula (with a cached value) in the cells it names. */
export function toXlsx(rows: Partial<Rows>, formulas: Record<string, Record<string, string>> = {}): Buffer {
  const book = XLSX.utils.book_new();
  for (const [name, table] of Object.entries(rows)) {
    const sheet = XLSX.utils.aoa_to_sheet(table);
    for (const [address, f] of Object.entries(formulas[name] ?? {}))
      sheet[address] = { t: "s", v: "cached", f };
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/** A zip of the given parts; `declare` overrides the uncompressed size the zip states for a part. */
export function zipOf(parts: [string, Buffer][], declare: Record<string, number> = {}): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data);
    const size = declare[name] ?? data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    local.push(head, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
