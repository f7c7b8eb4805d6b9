import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../../src/domain/definition";
import { readWorkbook } from "../../../src/server/workbook/read-workbook";
import { writeWorkbook } from "../../../src/server/workbook/write-workbook";

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
