import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/survey";
import { definitionInPath, firstScreenPagePath } from "../../src/survey/definition-in";
import { firstLoad, gzipBytes } from "./first-load";

// Byte sizes are deterministic for a given build, so the budget is a test; times never are.
// The budget: a respondent's first load, with one language of the definition, under 50 KB.
const BUDGET_GZIP = 50_000;

describe("the respondent's first load", () => {
  it("has been built", () => {
    expect(existsSync("dist/index.html")).toBe(true);
  });

  // The page a respondent opens is the survey's, with its first screen drawn in (here the Japanese
  // one); index.html is what the service worker serves offline, and what a survey without one gets.
  for (const page of [firstScreenPagePath("ward-resident", "ja"), "index.html"])
    it(`stays under ${BUDGET_GZIP} B gzip from ${page} (HTML, JS, CSS, and the shipped survey in its largest language)`, () => {
      const load = firstLoad("dist", page);
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

  it("counts the app's files a survey's page loads after its first paint", () => {
    const page = firstLoad("dist", firstScreenPagePath("ward-resident", "ja"));
    const index = firstLoad("dist");
    // The same app: every script index.html names, and the page's boot script besides.
    for (const file of index.files.filter((f) => f.endsWith(".js"))) expect(page.files).toContain(file);
    expect(page.files.some((f) => /first-screen-boot-.*\.js$/.test(f))).toBe(true);
  });
});
