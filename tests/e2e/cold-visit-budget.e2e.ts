import { describe, expect, it } from "vitest";
import { describeFetched, surveyColdVisit, total } from "../../harness/cold-visit-log";
import { LOCALES } from "../../src/domain/locales";
import { BUDGET_GZIP, CEILING_GZIP } from "./support/cold-visit-budget";
import { useCollectorAndChromium } from "./support/suite";

// The issue's budget (27): everything a phone fetches on its first visit to a survey's page, as gzip.
// Counted from Chromium's network log, not from the HTML's references: a chunk the app imports after
// it starts is fetched on every cold visit all the same.
describe("a respondent's cold visit to a survey's page", () => {
  const env = useCollectorAndChromium();

  // Each of the ward's languages: its page, messages and definition differ, and the budget holds for
  // the heaviest of them, whichever that is after a change.
  for (const locale of LOCALES)
    it(`fetches at most ${CEILING_GZIP} B gzip in ${locale} (goal ${BUDGET_GZIP}), the service worker's precache apart`, async () => {
      const { page, serviceWorker } = await surveyColdVisit(env.browser, env.collector.origin, locale);
      const report = `${describeFetched(`the page (${locale})`, page)}\nbeside it, not counted: the service worker's ${serviceWorker.length} requests (sw.js and its precache), ${total(serviceWorker)} B gzip`;
      console.log(report);
      expect(page.some((f) => f.path.startsWith("/s/ward-resident"))).toBe(true);
      expect(page.some((f) => f.path === `/surveys/ward-resident.${locale}.json`)).toBe(true);
      expect(page.some((f) => f.path.endsWith(".js"))).toBe(true);
      expect(serviceWorker.length, "the service worker's precache was seen").toBeGreaterThan(0);
      expect(total(page), report).toBeLessThanOrEqual(Math.min(CEILING_GZIP, BUDGET_GZIP));
    });
});
