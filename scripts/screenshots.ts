// Screenshots of the built app for docs/screenshots/: every screen a resident, an organizer or the
// staff at an event (enrollment, kiosk, staff panel) meets,
// at phone (390×844) and tablet (820×1180) size, in Japanese and English, named
// <locale>-<size>-<screen>.png.
//   npx vite build && npm run screenshots
// starts its own collector on dist/ (SQLite in a temp dir, 60 seeded responses). BASE=… TOKEN=…
// points it at a running collector instead.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS as FLAGS } from "../harness/chromium";
import { Collector, ORGANIZER_TOKEN } from "../harness/collector";
import { seedCollector } from "../harness/fixtures/ward-responses";
import { freePort } from "../harness/free-port";

const OUT = "docs/screenshots";
const SIZES = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
};
const LOCALES = ["ja", "en"];

async function answerCurrentQuestion(page: Page): Promise<void> {
  const form = page.locator("form.question");
  if ((await form.locator("input[type=radio]").count()) > 0) await form.locator(".choice").first().click();
  else if ((await form.locator("input[type=checkbox]").count()) > 0)
    await form.locator(".choice").nth(1).click();
  else if ((await form.locator("input[type=number]").count()) > 0)
    await form.locator("input[type=number]").fill("12");
  else await form.locator("textarea, input[type=text]").fill("駅前の自転車置き場を増やしてほしいです。");
}

async function respondentShots(
  page: Page,
  base: string,
  shot: (name: string, full?: boolean) => Promise<void>,
) {
  await page.goto(`${base}/s/ward-resident`);
  await page.locator(".intro").waitFor();
  // The first visit's notice, once the service worker has cached the app.
  await page.locator(".update-prompt--ready").waitFor();
  await shot("intro");
  await page.locator(".update-prompt--ready button").click();
  await page.locator(".intro .button--primary").click();
  await page.locator("form.question").waitFor();
  await shot("question");
  let shownRequired = false;
  for (let i = 0; i < 40 && (await page.locator("form.question").count()) > 0; i++) {
    const title = await page.locator(".question__title").textContent();
    // At the first required question, show the refused "next" before answering.
    if (!shownRequired && (await page.locator(".tag--required").count()) > 0) {
      shownRequired = true;
      await page.locator("form.question button[type=submit]").click();
      await page.locator(".field-error:not([hidden])").waitFor();
      await shot("question-required");
    }
    if ((await page.locator("form.question input[type=checkbox]").count()) > 0 && i < 8)
      await shot("question-multiple");
    await answerCurrentQuestion(page);
    if ((await page.locator("form.question input[type=number]").count()) > 0) await shot("question-number");
    if ((await page.locator("textarea").count()) > 0) await shot("question-text");
    await page.locator("form.question button[type=submit]").click();
    await page.waitForFunction(
      (previous) => document.querySelector(".question__title")?.textContent !== previous,
      title,
    );
  }
  await page.locator(".review").waitFor();
  await shot("review", true);
  await page.locator(".review .button--primary").click();
  await page.locator(".thanks__delivery--sent").waitFor({ timeout: 20_000 });
  await shot("thanks");
  await page.goto(`${base}/settings`);
  await page.locator("#endpoint").waitFor();
  await shot("settings");
}

async function dashboardShots(
  page: Page,
  base: string,
  token: string,
  shot: (name: string, full?: boolean) => Promise<void>,
) {
  await page.goto(`${base}/dashboard`);
  await page.locator("#organizer-token").waitFor();
  await shot("dashboard-token");
  await page.locator("#organizer-token").fill(token);
  await page.locator(".token-form button[type=submit]").click();
  await page.locator(".indicator").first().waitFor();
  await shot("dashboard", true);
  await page.locator(".controls select").nth(1).selectOption("q_area");
  await page.locator(".group-table").first().waitFor();
  await shot("dashboard-by-area", true);
}

/** An event and a device from the dashboard, its enrollment link opened, the kiosk and its staff panel. */
async function kioskShots(page: Page, shot: (name: string, full?: boolean) => Promise<void>) {
  await page.locator("#event-name").fill("防災訓練 2026");
  await page.locator("#event-place").fill("区民センター");
  await page.locator("#event-date").fill("2026-11-29");
  await page.locator(".events-section__form button[type=submit]").click();
  await page.locator(".events-section__device-form").first().waitFor();
  await page.locator(".events-section__device-form input").first().fill("タブレット1");
  await page.locator(".events-section__device-form button[type=submit]").first().click();
  const link = page.locator("[data-enrollment-link]").first();
  await link.waitFor();
  await link.scrollIntoViewIfNeeded();
  await shot("dashboard-events");
  await page.goto((await link.getAttribute("href")) ?? "");
  await page.locator("#new-pin").waitFor();
  await shot("enroll");
  await page.locator("#new-pin").fill("2468");
  await page.locator("#new-pin-again").fill("2468");
  await page.locator(".enroll button[type=submit]").click();
  await page.locator(".kiosk").waitFor();
  await page.locator(".kiosk .intro").waitFor();
  await shot("kiosk");
  await page.locator(".kiosk .intro .button--primary").click();
  await page.locator(".kiosk form.question").waitFor();
  await shot("kiosk-question");
  // Through the whole survey once: the kiosk's own thank-you, which restarts by itself.
  for (let i = 0; i < 40 && (await page.locator("form.question").count()) > 0; i++) {
    const title = await page.locator(".question__title").textContent();
    await answerCurrentQuestion(page);
    await page.locator("form.question button[type=submit]").click();
    await page.waitForFunction(
      (previous) => document.querySelector(".question__title")?.textContent !== previous,
      title,
    );
  }
  await page.locator(".review .button--primary").click();
  await page.locator(".thanks").waitFor();
  await shot("kiosk-thanks");
  await page.locator(".thanks .button--primary").click();
  await page.locator(".kiosk__staff").click();
  await page.locator("#staff-pin").fill("2468");
  await page.locator(".kiosk-pin button[type=submit]").click();
  await page.locator(".staff-panel").waitFor();
  await shot("staff-panel", true);
}

async function shoot(browser: Browser, base: string, token: string): Promise<void> {
  for (const locale of LOCALES)
    for (const [size, viewport] of Object.entries(SIZES)) {
      const context = await browser.newContext({ viewport, locale });
      await context.addInitScript((l) => localStorage.setItem("tsunagu.locale", l), locale);
      const page = await context.newPage();
      page.on("pageerror", (e) => console.error(`[${locale} ${size}] page error:`, e.message));
      const shot = async (name: string, fullPage = false) => {
        await page.screenshot({ path: join(OUT, `${locale}-${size}-${name}.png`), fullPage });
      };
      await respondentShots(page, base, shot);
      await dashboardShots(page, base, token, shot);
      await kioskShots(page, shot);
      await context.close();
      console.log(`${locale} ${size}: done`);
    }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith(".png")) rmSync(join(OUT, f));
  const own = process.env.BASE ? undefined : new Collector(await freePort());
  await own?.start();
  const base = process.env.BASE ?? own?.origin ?? "";
  const token = process.env.TOKEN ?? ORGANIZER_TOKEN;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: FLAGS,
  });
  try {
    await seedCollector(base, 60);
    await shoot(browser, base, token);
  } finally {
    await browser.close();
    await own?.stop();
  }
}

await main();
