import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { Collector, freePort, ORGANIZER_TOKEN } from "./support/collector";
import { type CspViolation, watchCsp } from "./support/csp";

// The collector's Content-Security-Policy (no inline script or style, nothing from elsewhere) must
// not break the app it serves: every screen, walked in Chromium, raises no violation at all.
describe("the app under its own Content-Security-Policy", () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;
  let csp: { violations: CspViolation[]; console: string[] };

  beforeAll(async () => {
    collector = new Collector(await freePort());
    await collector.start();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 } });
    csp = await watchCsp(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  const clickNext = () => page.getByRole("button", { name: "Next", exact: true }).click();

  it("walks every screen with 0 securitypolicyviolation events", async () => {
    const res = await page.goto(`${collector.origin}/`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.goto(`${collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("radio").first().waitFor();
    const error = page.locator(".field-error:not([hidden])");
    for (let i = 0; i < 8 && (await error.count()) === 0; i++) await clickNext();
    await error.first().waitFor();
    await page.getByRole("radio").first().check();
    await clickNext();
    await page.getByRole("checkbox").first().waitFor();
    while ((await page.getByRole("textbox").count()) === 0) {
      const radios = page.getByRole("radio");
      if ((await radios.count()) > 0) await radios.first().check();
      else {
        const boxes = page.getByRole("checkbox");
        if ((await boxes.count()) > 0) await boxes.first().check();
      }
      await clickNext();
    }
    await page.getByRole("textbox").first().fill("<img src=x onerror=alert(1)> style test");
    await clickNext();
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("status").first().waitFor();
    await page.goto(`${collector.origin}/settings`);
    await page.locator("input").first().waitFor();
    await page.goto(`${collector.origin}/dashboard`);
    await page.locator("input").first().fill(ORGANIZER_TOKEN);
    await page.locator("form button[type=submit]").first().click();
    await page.locator("article.indicator").first().waitFor();
    await page.goto(`${collector.origin}/no-such-page`);
    await page.waitForLoadState("networkidle");
    // The service worker has registered and controls the page: its load is covered too.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined),
    ).toBe(true);

    expect(csp.violations).toEqual([]);
    expect(csp.console).toEqual([]);
  });
});
