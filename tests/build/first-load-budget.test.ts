import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/survey";
import { definitionInPath } from "../../src/survey/definition-in";
import { firstLoad, gzipBytes } from "./first-load";

// Byte sizes are deterministic for a given build, so the budget is a test; times never are.
// The budget: a respondent's first load, with one language of the definition, under 50 KB.
const BUDGET_GZIP = 50_000;

describe("the respondent's first load", () => {
  it("has been built", () => {
    expect(existsSync("dist/index.html")).toBe(true);
  });

  it(`stays under ${BUDGET_GZIP} B gzip (HTML, JS, CSS, and the shipped survey in its largest language)`, () => {
    const load = firstLoad("dist");
    expect(load.files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(load.files.some((f) => f.endsWith(".css"))).toBe(true);
    const definition = Math.max(
      ...LOCALES.map((locale) =>
        gzipBytes(readFileSync(`dist/${definitionInPath("ward-resident", locale)}`)),
      ),
    );
    console.log(
      `first load: ${load.files.join(", ")} = ${load.gzip} B gzip, ${load.brotli} B brotli; + definition ${definition} B gzip`,
    );
    expect(load.gzip + definition).toBeLessThan(BUDGET_GZIP);
  });
});
