import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { shippedVersion } from "../../harness/fixtures/ward-responses";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import staffJa from "../../src/i18n/staff/ja";
import { useCollectorAndChromium } from "./support/suite";

/** 60 answers over three areas, enough for every group of the breakdown to be shown. */
function responses(): Response[] {
  return Array.from({ length: 60 }, (_, i) => ({
    id: uuidv7(),
    surveyId: "ward-resident",
    surveyVersion: shippedVersion(),
    submittedAt: "2026-06-01T03:00:00.000Z",
    locale: "ja",
    mode: "self" as const,
    answers: {
      q_area: ["area_01", "area_02", "area_03"][i % 3] as string,
      q_disaster_prep: i % 5 < 3 ? "yes" : "no",
      q_info_reach: "feel",
      q_watch_over: "feel",
    },
  }));
}

/** Where an SVG element sits horizontally in the chart's own units (its viewBox). */
const xOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number(el.getAttribute("x1") ?? el.getAttribute("x")));

// Issue 26, item 5: the breakdown's bar chart reads on its own: a 0–100% scale with a tick every
// quarter, and the target line named with its value, the chart still hidden from screen readers
// beside the table that carries the numbers.
// (Checked to fail: the chart as it was had ticks at 0, 50 and 100% only, and an unnamed target line.)
describe("the dashboard's breakdown chart at 390 px", () => {
  const env = useCollectorAndChromium();
  let page: Page;

  beforeAll(async () => {
    const stored = await fetch(`${env.collector.origin}/api/v1/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: responses() }),
    });
    expect(stored.status).toBe(200);
    page = await (await phoneContext(env.browser)).newPage();
    await page.goto(`${env.collector.origin}/dashboard`);
    await page.getByLabel(staffJa.dashboard.tokenLabel).fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: staffJa.organizer.signIn, exact: true }).click();
    await page.locator("article.indicator").first().waitFor();
    await page.getByTestId("breakdown").selectOption("q_area");
  });

  it("has a 0–100% scale with a tick every quarter, and the target line named with its value", async () => {
    const chart = page.locator("article.indicator").first().getByTestId("bar-chart");
    await chart.locator("g[data-percent]").first().waitFor();
    expect(await chart.locator(".bar-chart__tick").allTextContents()).toEqual([
      "0%",
      "25%",
      "50%",
      "75%",
      "100%",
    ]);
    expect(await chart.locator(".bar-chart__axis").count()).toBeGreaterThan(0);

    // The first indicator's target is 70% or more: its line sits 70% of the way along the scale.
    expect(await chart.locator(".bar-chart__target-label").textContent()).toBe(
      `${staffJa.dashboard.target} 70%`,
    );
    const scope = "article.indicator:first-of-type [data-testid=bar-chart]";
    const zero = await xOf(page, `${scope} [data-tick="0"] .bar-chart__grid`);
    const hundred = await xOf(page, `${scope} [data-tick="100"] .bar-chart__grid`);
    const line = await xOf(page, `${scope} .bar-chart__target`);
    expect((line - zero) / (hundred - zero)).toBeCloseTo(0.7, 5);
    // Inside the drawing, on screen.
    const box = await chart.boundingBox();
    const label = await chart.locator(".bar-chart__target-label").boundingBox();
    expect(box && label && label.x >= box.x && label.x + label.width <= box.x + box.width).toBe(true);

    // Still for the eye only: the table beside it carries the numbers.
    expect(await chart.getAttribute("aria-hidden")).toBe("true");
    expect(await page.locator("article.indicator").first().locator(".group-table").count()).toBe(1);
  });
});
