// `npx tsx bench/cold-visit.ts [locale]`: every response a phone gets on a cold visit to the shipped
// survey's page (/s/ward-resident?lang=<locale>, ko by default) until the app's service worker is
// active and the network is quiet, from Chromium's network log (harness/cold-visit-log.ts): each
// one's gzip weight (the budget's unit) and its body on the wire, then the service worker's own
// requests, reported beside. STATIC_DIR serves another build. tests/e2e/cold-visit-budget.e2e.ts
// holds the page's total to 50,000 B (issue 27).
import { launchChromium } from "../harness/chromium";
import { describeFetched, surveyColdVisit } from "../harness/cold-visit-log";
import { LOCALES, type Locale } from "../src/domain/locales";
import { collector } from "./served";

const locale = (process.argv[2] ?? "ko") as Locale;
if (!LOCALES.includes(locale)) throw new Error(`${locale}: not one of ${LOCALES.join(", ")}`);
const served = await collector(process.env.STATIC_DIR || "dist");
const browser = await launchChromium();
try {
  const { page, serviceWorker } = await surveyColdVisit(browser, served.origin, locale);
  console.log(describeFetched(`the page (${locale}), counted`, page));
  console.log(describeFetched("the service worker (sw.js and its precache), not counted", serviceWorker));
} finally {
  await browser.close();
  await served.close();
}
