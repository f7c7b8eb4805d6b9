import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type FirstLoad, firstLoad, gzipBytes } from "../../harness/first-load";
import { definitionInPath, firstScreenPagePath } from "../../src/contract/paths";
import { LOCALES, type Locale } from "../../src/domain/locales";

// Byte sizes are deterministic for a given build, so the budget is a test; times never are.
// The budget: a respondent's first load, with one language of the definition, under 50 KB.
const BUDGET_GZIP = 50_000;

const SURVEY = "ward-resident";
const definitionGzip = (locale: Locale) =>
  gzipBytes(readFileSync(`dist/${definitionInPath(SURVEY, locale)}`));

/** Each language's messages, as they name the app in the header: found in the chunk that holds them. */
async function appName(locale: string): Promise<string> {
  const catalogue = (await import(`../../src/i18n/catalogues/${locale}.ts`)) as {
    default: { header: { appName: string } };
  };
  return catalogue.default.header.appName;
}

const holdsText = (load: FirstLoad, text: string) =>
  load.files.filter((f) => f.endsWith(".js") && readFileSync(`dist/${f}`, "utf8").includes(text));

describe("the respondent's first load", () => {
  it("has been built", () => {
    expect(existsSync("dist/index.html")).toBe(true);
  });

  // The page a respondent opens is the survey's, in the language the collector picks for them, with
  // its first screen drawn in: its first load is the page's files, its language's messages and its
  // language's definition. A respondent reading Vietnamese must not fetch the Japanese messages too.
  for (const locale of LOCALES)
    it(`stays under ${BUDGET_GZIP} B gzip in ${locale} (HTML, JS, CSS, the messages and the definition in ${locale})`, async () => {
      const load = firstLoad("dist", firstScreenPagePath(SURVEY, locale));
      // The stylesheet is carried in the page (src/build/first-screen.tsx), so counted with it.
      expect(readFileSync(`dist/${load.files[0]}`, "utf8")).toContain("<style>");
      // The page names its language's messages (else they would be fetched late and not counted),
      // and no other language's.
      for (const other of LOCALES)
        expect(holdsText(load, await appName(other)), other).toHaveLength(other === locale ? 1 : 0);
      const definition = definitionGzip(locale);
      console.log(
        `first load in ${locale}: ${load.files.join(", ")} = ${load.gzip} B gzip, ${load.brotli} B brotli; + definition ${definition} B gzip`,
      );
      expect(load.gzip + definition).toBeLessThan(BUDGET_GZIP);
    });

  // index.html is what the service worker serves offline, and what a survey without a page of its
  // own gets: the app there imports the language's messages once it runs, so the largest is counted.
  it(`stays under ${BUDGET_GZIP} B gzip from index.html, with the largest language's messages and definition`, async () => {
    const load = firstLoad("dist");
    expect(load.files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(load.files.some((f) => f.endsWith(".css"))).toBe(true);
    for (const locale of LOCALES) expect(holdsText(load, await appName(locale)), locale).toEqual([]);
    const catalogues = await Promise.all(
      LOCALES.map(async (locale) => {
        const file = holdsText(
          firstLoad("dist", firstScreenPagePath(SURVEY, locale)),
          await appName(locale),
        )[0];
        return file ? gzipBytes(readFileSync(`dist/${file}`)) : Number.POSITIVE_INFINITY;
      }),
    );
    const largest = Math.max(...catalogues) + Math.max(...LOCALES.map(definitionGzip));
    console.log(
      `first load from index.html: ${load.gzip} B gzip; + messages and definition ${largest} B gzip`,
    );
    expect(load.gzip + largest).toBeLessThan(BUDGET_GZIP);
  });

  it("counts the app's files a survey's page loads after its first paint", () => {
    const page = firstLoad("dist", firstScreenPagePath(SURVEY, "ja"));
    const index = firstLoad("dist");
    // The same app: every script index.html names; the boot script and the stylesheet are in the
    // page itself, so counted with it.
    for (const file of index.files.filter((f) => f.endsWith(".js"))) expect(page.files).toContain(file);
    const html = readFileSync(`dist/${page.files[0]}`, "utf8");
    expect(html).toMatch(/<script>.*appModules.*<\/script>/s);
    expect(html).toMatch(/<style>.*\.first-question-anchor.*<\/style>/s);
  });
});
