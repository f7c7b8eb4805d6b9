import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { DASHBOARD_SECTIONS } from "../../src/app/router/routes";
import { axeViolations } from "./support/axe";
import { useCollectorAndChromium } from "./support/suite";

// Every screen a resident or an organizer meets, in Japanese and in English, at phone size:
// axe-core finds no WCAG 2.2 A/AA violation on any of them.
const SCREENS = [
  "intro",
  "question",
  "required error",
  "multiple choice",
  "text",
  "review",
  "thank you",
  "settings",
  "dashboard sign-in",
  ...DASHBOARD_SECTIONS.map((section) => `dashboard ${section}`),
];

describe.each([
  { locale: "ja-JP", start: "回答をはじめる", next: "次へ", submit: "送信する" },
  { locale: "en-US", start: "Start", next: "Next", submit: "Submit" },
])("accessibility in $locale", ({ locale, start, next, submit }) => {
  const env = useCollectorAndChromium();
  let page: Page;
  const found = new Map<string, unknown[]>();

  beforeAll(async () => {
    const context = await phoneContext(env.browser, { locale });
    page = await context.newPage();
  });

  const check = async (screen: string) => {
    found.set(screen, await axeViolations(page));
  };
  const clickNext = () => page.getByRole("button", { name: next, exact: true }).click();

  it("walks every screen", async () => {
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: start }).waitFor();
    await check("intro");
    await page.getByRole("button", { name: start }).click();
    await page.getByRole("radio").first().waitFor();
    await check("question");
    // Walk to the first required question and press Next unanswered.
    const error = page.locator(".field-error:not([hidden])");
    for (let i = 0; i < 8 && (await error.count()) === 0; i++) await clickNext();
    await error.first().waitFor();
    await check("required error");
    await page.getByRole("radio").first().check();
    await clickNext();
    await page.getByRole("checkbox").first().waitFor();
    await check("multiple choice");
    // Answer the rest: the first option wherever there is a radio group, then on to the comment.
    while ((await page.getByRole("textbox").count()) === 0) {
      const radios = page.getByRole("radio");
      if ((await radios.count()) > 0) await radios.first().check();
      await clickNext();
    }
    await check("text");
    await clickNext();
    await page.getByRole("button", { name: submit }).waitFor();
    await check("review");
    await page.getByRole("button", { name: submit }).click();
    await page.getByRole("status").first().waitFor();
    await check("thank you");
    await page.goto(`${env.collector.origin}/settings`);
    await page.locator("input").first().waitFor();
    await check("settings");
    await page.goto(`${env.collector.origin}/dashboard`);
    await page.locator("#organizer-token").waitFor();
    await check("dashboard sign-in");
    await page.locator("#organizer-token").fill(ORGANIZER_TOKEN);
    await page.locator("form button[type=submit]").first().click();
    await page.locator("article.indicator").first().waitFor();
    // Each screen from the dashboard's own navigation, as a person moves between them.
    const links = page.locator(".dashboard-nav a");
    for (const [i, section] of DASHBOARD_SECTIONS.entries()) {
      await links.nth(i).click();
      await page.waitForURL(`${env.collector.origin}/dashboard/${section}`);
      await page.locator('.dashboard-nav a[aria-current="page"]').nth(0).waitFor();
      await page.waitForLoadState("networkidle");
      await expect.poll(() => page.locator(".dashboard__screen .loading").count()).toBe(0);
      await check(`dashboard ${section}`);
    }

    expect([...found.keys()]).toEqual(SCREENS);
    expect(Object.fromEntries([...found].filter(([, v]) => v.length > 0))).toEqual({});
  });
});
