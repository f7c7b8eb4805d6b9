import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { surveyCli } from "../../../src/server/cli/survey-cli";
import { readWorkbook } from "../../../src/server/workbook/read-workbook";
import { setCell, shipped, shippedRows, toXlsx } from "./workbook-fixture";

function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = surveyCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, cwd);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run survey", () => {
  const dir = mkdtempSync(join(tmpdir(), "survey-cli-"));

  it("export writes the template, and check reads it back with exit 0 and a summary", () => {
    const surveyJson = join(import.meta.dirname, "../../../surveys/ward-resident.json");
    expect(run(["export", surveyJson, "template.xlsx"], dir).code).toBe(0);
    const reading = readWorkbook(readFileSync(join(dir, "template.xlsx")));
    expect(reading.ok && reading.definition).toEqual(shipped);
    const checked = run(["check", "template.xlsx"], dir);
    expect(checked).toMatchObject({ code: 0, err: "" });
    expect(checked.out).toContain(`ward-resident version ${shipped.version}`);
    expect(checked.out).toContain("14 questions");
    expect(checked.out).toContain("disaster_prep >= 70%");
    // The admin's notes ride along on a sheet of their own, which the reader passes by.
    const book = XLSX.read(readFileSync(join(dir, "template.xlsx")));
    expect(book.SheetNames).toEqual(["survey", "choices", "indicators", "settings", "notes"]);
    const notes = XLSX.utils
      .sheet_to_json<string[]>(book.Sheets.notes as XLSX.WorkSheet, { header: 1 })
      .flat();
    expect(notes.join("\n")).toMatch(/target[\s\S]*地域1 … 地域14[\s\S]*06-0000-0000/);
  });

  it("check prints each problem as sheet!cell and exits 1", () => {
    const rows = shippedRows();
    setCell(rows, "survey", 6, "min", 200);
    setCell(rows, "indicators", 3, "target", "70");
    writeFileSync(join(dir, "bad.xlsx"), toXlsx(rows));
    const checked = run(["check", "bad.xlsx"], dir);
    expect(checked.code).toBe(1);
    expect(checked.out).toBe("");
    expect(checked.err).toContain("bad.xlsx survey!W6: min (200) is above max (100)");
    expect(checked.err).toContain('bad.xlsx indicators!E3: the target "70"');
    expect(checked.err).toContain("2 problems");
  });

  it("a file that is not a workbook is one problem of the file", () => {
    writeFileSync(join(dir, "notes.xlsx"), "hello");
    expect(run(["check", "notes.xlsx"], dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining("notes.xlsx file: this is not an .xlsx"),
    });
  });

  it("export refuses a file that is not a definition, writing nothing", () => {
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ id: "x" }));
    expect(run(["export", "bad.json", "out.xlsx"], dir)).toMatchObject({ code: 1 });
    expect(() => readFileSync(join(dir, "out.xlsx"))).toThrow();
  });

  it("anything else prints the usage with exit 2", () => {
    expect(run(["unpublish", "x.xlsx"], dir).code).toBe(2);
    expect(run(["check"], dir).code).toBe(2);
  });
});
