import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../../src/domain/definition";
import { readWorkbook } from "../../../src/server/workbook/read-workbook";
import { writeWorkbook } from "../../../src/server/workbook/write-workbook";
import { dropColumn, setCell, shipped, shippedRows, toXlsx } from "./workbook-fixture";

const surveysDir = join(import.meta.dirname, "../../../surveys");
const files = readdirSync(surveysDir, { recursive: true, encoding: "utf8" }).filter((f) =>
  f.endsWith(".json"),
);

describe("a definition written as a workbook reads back the same", () => {
  it("finds the shipped surveys", () => expect(files.length).toBeGreaterThan(0));

  it.each(files)("%s", (file) => {
    const definition = SurveyDefinition.parse(JSON.parse(readFileSync(join(surveysDir, file), "utf8")));
    const reading = readWorkbook(writeWorkbook(definition));
    expect(reading.ok ? [] : reading.problems).toEqual([]);
    expect(reading.ok && reading.definition).toEqual(definition);
    expect(JSON.stringify(reading.ok && reading.definition)).toBe(JSON.stringify(definition));
  });
});

describe("short labels", () => {
  it("are optional: a workbook without short_label columns reads without them", () => {
    const rows = shippedRows();
    for (const sheet of ["survey", "indicators"] as const)
      for (const header of [...(rows[sheet][0] ?? [])])
        if (String(header).startsWith("short_label::")) dropColumn(rows, sheet, String(header));
    const reading = readWorkbook(toXlsx(rows));
    expect(reading.ok ? [] : reading.problems).toEqual([]);
    const def = reading.ok ? reading.definition : undefined;
    expect(def?.questions.map((q) => q.shortLabel)).toEqual(shipped.questions.map(() => undefined));
    expect(def?.indicators.map((i) => i.shortLabel)).toEqual(shipped.indicators.map(() => undefined));
  });

  it("are read from short_label::LANG into the question and the indicator", () => {
    const rows = shippedRows();
    setCell(rows, "survey", 3, "short_label::en", "How old");
    setCell(rows, "indicators", 2, "short_label::ja", "防災");
    const reading = readWorkbook(toXlsx(rows));
    const def = reading.ok ? reading.definition : undefined;
    expect(def?.questions[1]?.shortLabel).toMatchObject({ en: "How old", ja: "年齢" });
    expect(def?.indicators[0]?.shortLabel).toMatchObject({ ja: "防災", en: "Prepared for disasters" });
  });
});
