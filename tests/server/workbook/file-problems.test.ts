import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import type { WorkbookProblem } from "../../../src/server/workbook/problems";
import { readWorkbook } from "../../../src/server/workbook/read-workbook";
import { WORKBOOK_LIMITS } from "../../../src/server/workbook/zip-guard";
import { setCell, shipped, shippedRows, toXlsx, zipOf } from "./workbook-fixture";

const where = ({ sheet, row, column, code }: WorkbookProblem) => ({ sheet, row, column, code });

function problemsOf(bytes: Uint8Array) {
  const reading = readWorkbook(bytes);
  expect(reading.ok).toBe(false);
  return reading.ok ? [] : reading.problems.map(where);
}

const fileLevel = (code: WorkbookProblem["code"]) => [{ sheet: null, row: null, column: null, code }];

const contentTypes = Buffer.from('<?xml version="1.0"?><Types/>');

describe("a file that is not a survey workbook is refused before it is parsed", () => {
  it("CSV text is not an .xlsx (the parser would read it as a sheet)", () => {
    expect(problemsOf(Buffer.from("type,name\ntext,q1\n"))).toEqual(fileLevel("not_xlsx"));
  });

  it("a zip without a workbook in it is not an .xlsx", () => {
    const docx = zipOf([
      ["[Content_Types].xml", contentTypes],
      ["word/document.xml", Buffer.from("<w:document/>")],
    ]);
    expect(problemsOf(docx)).toEqual(fileLevel("not_xlsx"));
  });

  it("over 5 MiB is too big", () => {
    const bytes = Buffer.alloc(WORKBOOK_LIMITS.maxBytes + 1);
    expect(problemsOf(bytes)).toEqual(fileLevel("too_big"));
    expect(readWorkbook(bytes)).toMatchObject({ problems: [{ params: { limit: 5 * 1024 * 1024 } }] });
  });

  it("a zip bomb that says how big it unpacks is refused from its directory", () => {
    const huge = Buffer.alloc(WORKBOOK_LIMITS.maxUnpackedBytes + 1, 0x20);
    const bomb = zipOf([
      ["[Content_Types].xml", contentTypes],
      ["xl/workbook.xml", Buffer.from("<workbook/>")],
      ["xl/worksheets/sheet1.xml", huge],
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(problemsOf(bomb)).toEqual(fileLevel("zip_bomb"));
  });

  it("a zip bomb that lies about its size is caught while unpacking", () => {
    const huge = Buffer.alloc(WORKBOOK_LIMITS.maxUnpackedBytes + 1, 0x20);
    const bomb = zipOf(
      [
        ["[Content_Types].xml", contentTypes],
        ["xl/workbook.xml", Buffer.from("<workbook/>")],
        ["xl/worksheets/sheet1.xml", huge],
      ],
      { "xl/worksheets/sheet1.xml": 1000 },
    );
    expect(problemsOf(bomb)).toEqual(fileLevel("zip_bomb"));
  });

  it("a zip of thousands of parts is refused", () => {
    const parts: [string, Buffer][] = [
      ["[Content_Types].xml", contentTypes],
      ["xl/workbook.xml", Buffer.from("<workbook/>")],
    ];
    for (let i = 0; i < 5000; i++) parts.push([`xl/media/${i}.xml`, Buffer.from("x")]);
    expect(problemsOf(zipOf(parts))).toEqual(fileLevel("too_many_entries"));
  });
});

describe("sheets and cells", () => {
  it("a missing sheet is named, with no row or column", () => {
    const { indicators: _, ...rows } = shippedRows();
    expect(problemsOf(toXlsx(rows))).toEqual([
      { sheet: "indicators", row: null, column: null, code: "missing_sheet" },
    ]);
  });

  it("a formula is a problem at its cell, its cached value unused", () => {
    const rows = shippedRows();
    setCell(rows, "survey", 6, "min", undefined);
    expect(problemsOf(toXlsx(rows, { survey: { W6: "1-1" } }))).toEqual([
      { sheet: "survey", row: 6, column: "W", code: "formula" },
    ]);
  });

  it("every problem at once, in the order of the sheets, and no definition", () => {
    const rows = shippedRows();
    setCell(rows, "indicators", 3, "target", "half");
    setCell(rows, "survey", 4, "type", "select_one nope");
    setCell(rows, "survey", 3, "label::en", undefined);
    setCell(rows, "settings", 2, "min_cell", 0);
    const reading = readWorkbook(toXlsx(rows));
    expect(reading).not.toHaveProperty("definition");
    expect(problemsOf(toXlsx(rows))).toEqual([
      { sheet: "survey", row: 3, column: "E", code: "missing_translation" },
      { sheet: "survey", row: 4, column: "A", code: "unknown_list" },
      { sheet: "indicators", row: 3, column: "E", code: "target_format" },
      { sheet: "settings", row: 2, column: "V", code: "out_of_range" },
    ]);
  });

  it("what only the domain's schema finds is reported at the cell its path came from", () => {
    const rows = shippedRows();
    rows.survey = rows.survey.slice(0, 1);
    rows.indicators = rows.indicators.slice(0, 1);
    rows.choices = rows.choices.slice(0, 1);
    const problems = readWorkbook(toXlsx(rows));
    expect(problems).toMatchObject({
      ok: false,
      problems: [
        { sheet: "survey", row: 2, column: "A", code: "invalid_value", params: { field: "questions" } },
      ],
    });
  });

  it("a day Excel turned into a date reads as that day", () => {
    const rows = shippedRows();
    const book = XLSX.read(toXlsx(rows), { type: "buffer" });
    const settings = book.Sheets.settings;
    if (!settings) throw new Error("no settings");
    settings.W2 = { t: "n", v: 46204, z: "yyyy/m/d" }; // 2026-07-01 in Excel's 1900 date system
    const reading = readWorkbook(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
    expect(reading.ok && reading.definition.opens).toBe("2026-07-01");
    expect(reading.ok && reading.definition).toEqual({ ...shipped, opens: "2026-07-01" });
  });
});
