import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { type CspViolation, watchCsp } from "./support/csp";
import { useCollectorAndChromium } from "./support/suite";

// The collector's Content-Security-Policy (no inline script or style, nothing from elsewhere) must
// not break the app it serves: every screen, walked in Chromium, raises no violation at all.
describe("the app under its own Content-Security-Policy", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  let csp: { violations: CspViolation[]; console: string[] };

  beforeAll(async () => {
    const context = await phoneContext(env.browser, { locale: "en-US" });
    csp = await watchCsp(context);
    page = await context.newPage();
  });

  const clickNext = () => page.getByRole("button", { name: "Next", exact: true }).click();

  it("walks every screen with 0 securitypolicyviolation events", async () => {
    const res = await page.goto(`${env.collector.origin}/`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.goto(`${env.collector.origin}/s/ward-resident`);
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
    await page.goto(`${env.collector.origin}/settings`);
    await page.locator("input").first().waitFor();
    await page.goto(`${env.collector.origin}/dashboard`);
    await page.locator("#organizer-token").fill(ORGANIZER_TOKEN);
    await page.locator("form button[type=submit]").first().click();
    await page.locator("article.indicator").first().waitFor();
    for (const link of await page.locator(".dashboard-nav a").all()) {
      await link.click();
      await page.waitForLoadState("networkidle");
    }
    await page.goto(`${env.collector.origin}/no-such-page`);
    await page.waitForLoadState("networkidle");
    // The service worker has registered and controls the page: its load is covered too.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined),
    ).toBe(true);

    expect(csp.violations).toEqual([]);
    expect(csp.console).toEqual([]);
  });
});
