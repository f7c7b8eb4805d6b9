// Screenshots of the built app for docs/screenshots/: a question (and a refused "next"), the review,
// thank-you, and the dashboard, in Japanese and English, at phone size (390×844).
// Needs the collector serving dist/:  PORT=8093 ORGANIZER_TOKEN=shot-token npx tsx src/server/main.ts
// Then:  BASE=http://localhost:8093 TOKEN=shot-token npx tsx scripts/screenshots.ts
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS as FLAGS } from "../tests/e2e/support/browser";
import { seedCollector } from "./seed-responses";

const BASE = process.env.BASE ?? "http://localhost:8080";
const TOKEN = process.env.TOKEN ?? "";
const OUT = "docs/screenshots";

async function answerCurrentQuestion(page: Page): Promise<void> {
  const form = page.locator("form.question");
  if ((await form.locator("input[type=radio]").count()) > 0) await form.locator(".choice").first().click();
  else if ((await form.locator("input[type=checkbox]").count()) > 0)
    await form.locator(".choice").nth(1).click();
  else if ((await form.locator("input[type=number]").count()) > 0)
    await form.locator("input[type=number]").fill("12");
  else await form.locator("textarea, input[type=text]").fill("駅前の自転車置き場を増やしてほしいです。");
}

async function respondentShots(page: Page, locale: string): Promise<void> {
  await page.goto(BASE);
  await page.locator(".intro").waitFor();
  await page.screenshot({ path: `${OUT}/${locale}-intro.png` });
  await page.locator(".intro .button--primary").click();
  await page.locator("form.question").waitFor();
  await page.screenshot({ path: `${OUT}/${locale}-question.png` });
  let shownRequired = false;
  for (let i = 0; i < 40 && (await page.locator("form.question").count()) > 0; i++) {
    const title = await page.locator(".question__title").textContent();
    // At the first required question, show the refused "next" before answering.
    if (!shownRequired && (await page.locator(".tag--required").count()) > 0) {
      shownRequired = true;
      await page.locator("form.question button[type=submit]").click();
      await page.locator(".field-error:not([hidden])").waitFor();
      await page.screenshot({ path: `${OUT}/${locale}-question-required.png` });
    }
    if (i === 6) await page.screenshot({ path: `${OUT}/${locale}-question-multiple.png` });
    await answerCurrentQuestion(page);
    if ((await page.locator("textarea").count()) > 0)
      await page.screenshot({ path: `${OUT}/${locale}-question-text.png` });
    await page.locator("form.question button[type=submit]").click();
    await page.waitForFunction(
      (previous) => document.querySelector(".question__title")?.textContent !== previous,
      title,
    );
  }
  await page.locator(".review").waitFor();
  await page.screenshot({ path: `${OUT}/${locale}-review.png`, fullPage: true });
  await page.locator(".review .button--primary").click();
  await page.locator(".thanks").waitFor();
  await page.screenshot({ path: `${OUT}/${locale}-thanks-saved.png` });
  await page.locator(".thanks__delivery--sent").waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${OUT}/${locale}-thanks-sent.png` });
}

async function dashboardShots(page: Page, name: string): Promise<void> {
  await page.goto(`${BASE}/dashboard`);
  await page.locator("#organizer-token").fill(TOKEN);
  await page.locator(".token-form button[type=submit]").click();
  await page.locator(".indicator").first().waitFor();
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  await page.locator(".controls select").nth(1).selectOption("q_area");
  await page.locator(".group-table").first().waitFor();
  await page.screenshot({ path: `${OUT}/${name}-by-area.png`, fullPage: true });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await seedCollector(BASE, 60);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: FLAGS,
  });
  try {
    for (const locale of ["ja", "en"]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
      await context.addInitScript((l) => localStorage.setItem("tsunagu.locale", l), locale);
      const page = await context.newPage();
      page.on("pageerror", (e) => console.error(`[${locale}] page error:`, e.message));
      await respondentShots(page, locale);
      await dashboardShots(page, `${locale}-dashboard`);
      await context.close();
    }
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ja" });
    await desk.addInitScript(() => localStorage.setItem("tsunagu.locale", "ja"));
    await dashboardShots(await desk.newPage(), "ja-dashboard-desktop");
    await desk.close();
  } finally {
    await browser.close();
  }
}

await main();
