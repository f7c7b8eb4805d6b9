// Screenshots of the kiosk's screens for docs/screenshots/kiosk/: enrollment, the kiosk's start,
// the idle warning, thank-you, the staff panel with its live tally, the A4 flyer and the dashboard's
// events section, in Japanese and English, at phone (390×844) and tablet (820×1180) size.
// Needs a build (npx vite build); starts its own collector:  npx tsx scripts/kiosk-screenshots.ts
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { type Collector, ORGANIZER_TOKEN } from "../harness/collector";
import { enrollmentLink, enrolOverHttp } from "../harness/fixtures/kiosk-enrolment";
import { withCollectorAndChromium } from "../harness/with-collector-and-chromium";

const OUT = "docs/screenshots/kiosk";
const SIZES = { phone: { width: 390, height: 844 }, tablet: { width: 820, height: 1180 } } as const;
const LOCALES = { ja: "ja-JP", en: "en-US" } as const;
const PIN = "2468";

/** Through the survey choosing the first option of each choice question, to the review. */
async function answerAll(page: Page): Promise<void> {
  await page.locator(".intro .button--primary").click();
  for (let i = 0; i < 40 && (await page.locator("form.question").count()) > 0; i++) {
    const title = await page.locator(".question__title").textContent();
    const radio = page.locator("form.question .choice").first();
    if ((await page.locator("form.question input[type=radio]").count()) > 0) await radio.click();
    await page.locator("form.question button[type=submit]").click();
    await page.waitForFunction(
      (previous) => document.querySelector(".question__title")?.textContent !== previous,
      title,
    );
  }
}

async function shoot(
  browser: Browser,
  collector: Collector,
  link: string,
  size: keyof typeof SIZES,
  lang: keyof typeof LOCALES,
) {
  const name = (screen: string) => `${OUT}/${size}-${lang}-${screen}.png`;
  const context = await browser.newContext({ locale: LOCALES[lang], viewport: SIZES[size] });
  await context.clock.install();
  const page = await context.newPage();
  await page.goto(link);
  await page.locator("#new-pin").waitFor();
  await page.screenshot({ path: name("enroll") });
  await page.locator("#new-pin").fill(PIN);
  await page.locator("#new-pin-again").fill(PIN);
  await page.locator(".enroll button[type=submit]").click();
  await page.locator(".kiosk .intro").waitFor();
  await page.screenshot({ path: name("kiosk-start") });

  await page.locator(".intro .button--primary").click();
  await page.locator("form.question .choice").first().click();
  await context.clock.fastForward(120_000);
  await page.getByRole("alertdialog").waitFor();
  await page.screenshot({ path: name("idle-warning") });
  await context.clock.fastForward(31_000);
  await page.locator(".kiosk .intro").waitFor();

  for (let i = 0; i < 3; i++) {
    await answerAll(page);
    await page.locator(".review button.button--primary").last().click();
    await page.locator(".thanks").waitFor();
    if (i === 0) await page.screenshot({ path: name("thanks") });
    await page.locator(".thanks .button--primary").click();
    await page.locator(".kiosk .intro").waitFor();
  }
  await page.locator(".kiosk__staff").click();
  await page.screenshot({ path: name("staff-pin") });
  await page.locator("#staff-pin").fill(PIN);
  await page.locator(".kiosk-pin button[type=submit]").click();
  await page.locator(".kiosk-tally tbody tr").first().waitFor();
  await page.screenshot({ path: name("staff-panel"), fullPage: true });
  await context.close();

  const office = await browser.newContext({ locale: LOCALES[lang], viewport: SIZES[size] });
  const desk = await office.newPage();
  await desk.goto(`${collector.origin}/flyer/ward-resident`);
  await desk.locator(".flyer__qr svg").waitFor();
  await desk.screenshot({ path: name("flyer"), fullPage: true });
  await desk.emulateMedia({ media: "print" });
  await desk.screenshot({ path: name("flyer-print"), fullPage: true });
  await desk.emulateMedia({ media: "screen" });
  await desk.goto(`${collector.origin}/dashboard`);
  await desk.locator("#organizer-token").fill(ORGANIZER_TOKEN);
  await desk.locator(".token-form button[type=submit]").click();
  await desk.locator(".events-section .qr-code svg").first().waitFor();
  await desk.locator(".events-section").screenshot({ path: name("dashboard-events") });
  await office.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await withCollectorAndChromium(async (collector, browser) => {
    const link = enrollmentLink(
      collector.origin,
      await enrolOverHttp(collector.origin, ORGANIZER_TOKEN, "ward-resident", {
        name: "防災訓練（北小学校）",
        place: "北小学校 体育館",
        date: "2026-09-01",
        label: "受付タブレット",
      }),
    );
    for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[])
      for (const lang of Object.keys(LOCALES) as (keyof typeof LOCALES)[]) {
        await shoot(browser, collector, link, size, lang);
        console.log(`${size} ${lang}: done`);
      }
  });
}

await main();
