import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { shippedVersion } from "../../harness/fixtures/ward-responses";
import { formatCount, formatInterval, formatPercent } from "../../src/app/dashboard/format";
import { ResponseCounts } from "../../src/contract/counts";
import { ReviewSummary } from "../../src/contract/reviews";
import { Tallies } from "../../src/contract/tallies";
import { SurveyDefinition } from "../../src/domain/definition";
import { formatFiscalYear } from "../../src/domain/fiscal-year";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
import { openDashboardSection } from "./support/dashboard";
import { useCollectorAndChromium } from "./support/suite";

const shipped = SurveyDefinition.parse(JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")));

/** Deterministic answers over two fiscal years, three areas and two age groups. */
function responses(): Response[] {
  const out: Response[] = [];
  for (let i = 0; i < 90; i++) {
    const fy = i < 40 ? 2025 : 2026;
    out.push({
      id: uuidv7(),
      surveyId: "ward-resident",
      surveyVersion: shippedVersion(),
      submittedAt: `${fy}-06-0${1 + (i % 5)}T03:00:00.000Z`,
      locale: "ja",
      mode: "self",
      answers: {
        q_area: ["area_01", "area_02", "area_03"][i % 3] as string,
        q_age: i % 4 === 0 ? "age_70_plus" : "age_30_39",
        q_disaster_prep: i % 5 < (fy === 2025 ? 2 : 4) ? "yes" : i % 7 === 0 ? "dont_know" : "no",
        q_info_reach: ["feel", "somewhat", "not_really", "not_at_all"][i % 4] as string,
        q_watch_over: ["feel", "not_really", "not_at_all"][i % 3] as string,
      },
    });
  }
  return out;
}

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ");

describe("dashboard: the numbers are the API's, and the screens pass axe", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // Not collector.api: /responses takes a kiosk's device token, never the organizer's.
    const stored = await fetch(`${env.collector.origin}/api/v1/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: responses() }),
    });
    expect(stored.status).toBe(200);
    const weights = await env.collector.api("/surveys/ward-resident/population?wave=2026", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: "q_age,population\nage_30_39,30000\nage_70_plus,10000\nage_50_59,20000\n",
    });
    expect(weights.status).toBe(200);
    // bypassCSP: axe-core is injected as a script tag, which the app's own CSP rightly refuses.
    const context = await phoneContext(env.browser, { bypassCSP: true });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
  });

  const api = async (query: string) =>
    Tallies.parse(await (await env.collector.api(`/surveys/ward-resident/tallies${query}`)).json());

  it("signs in with the cookie, keeps no token in the page, and shows each indicator as the API does", async () => {
    await page.goto(`${env.collector.origin}/dashboard`);
    await page.getByLabel("担当者トークン").waitFor();
    // Not signed in yet is an answer, not a failed request: nothing in the console.
    expect(consoleErrors).toEqual([]);
    await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    const cards = page.locator("article.indicator");
    await cards.first().waitFor();
    // The session cookie is HttpOnly: the page's script cannot read it, and nothing holds the token.
    const storage = await page.evaluate(() => [
      document.cookie,
      JSON.stringify(sessionStorage),
      JSON.stringify(localStorage),
    ]);
    expect(storage.join(" ")).not.toContain(ORGANIZER_TOKEN);
    expect(storage[0]).not.toContain("tsunagu_session");

    // The newest wave with answers is FY2026, shown as 令和8年度.
    expect(await page.getByTestId("wave").inputValue()).toBe("2026");
    const expected = await api("?wave=2026");
    expect(await cards.count()).toBe(expected.indicators.length);
    for (const [i, tally] of expected.indicators.entries()) {
      const text = squash(await cards.nth(i).textContent());
      if (tally.percent !== null) expect(text).toContain(formatPercent(tally.percent, "ja"));
      expect(text).toContain(formatInterval(tally.ci95, "ja"));
      expect(text).toContain(String(tally.n));
      if (tally.weighted?.percent != null) {
        const shown = await cards.nth(i).getByTestId("weighted-percent").textContent();
        expect(shown).toBe(formatPercent(tally.weighted.percent, "ja"));
        expect(text).toContain("50〜59歳"); // the age cell without respondents, by its label
      }
    }
    // The table says whose register weighted it: FY2026's own totals.
    expect(await page.getByTestId("weighting-note").textContent()).toContain(formatFiscalYear(2026, "ja"));
    const policy = squash(await page.getByTestId("policy-table").textContent());
    expect(policy).toContain(formatPercent(expected.indicators[0]?.percent ?? 0, "ja"));
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows a breakdown's table and chart from the API's groups, and the trend with its change", async () => {
    await page.getByTestId("breakdown").selectOption("q_area");
    const expected = await api("?wave=2026&by=q_area");
    const firstCard = page.locator("article.indicator").first();
    await firstCard.locator(".group-table").waitFor();
    const rows = await firstCard.locator(".group-table tbody tr").allTextContents();
    const groups = expected.indicators[0]?.groups ?? [];
    expect(rows.length).toBe(groups.length);
    for (const [i, g] of groups.entries()) {
      if (g.suppressed) expect(rows[i]).toContain("—");
      else expect(squash(rows[i] ?? "")).toContain(formatPercent(g.percent ?? 0, "ja"));
    }
    const bars = await firstCard
      .getByTestId("bar-chart")
      .locator("g[data-percent]")
      .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-percent")));
    expect(bars).toEqual(groups.map((g) => (g.percent === null ? "" : String(g.percent))));
    expect(await firstCard.getByTestId("bar-chart").getAttribute("aria-hidden")).toBe("true");

    // The group table fits a phone's width: no sideways scroll.
    const wrap = firstCard.locator(".table-wrap");
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await openDashboardSection(page, "trend");
    const trend = (await (await env.collector.api("/surveys/ward-resident/trend")).json()) as {
      indicators: { id: string; points: { wave: number; percent: number | null }[] }[];
    };
    const prep = squash(await page.getByTestId("trend-disaster_prep").textContent());
    expect(prep).toContain("令和7年度");
    expect(prep).toContain("令和8年度");
    for (const p of trend.indicators[0]?.points ?? [])
      expect(prep).toContain(formatPercent(p.percent ?? 0, "ja"));
    expect(await axeViolations(page)).toEqual([]);
  });

  it("downloads the responses in words beside the ids by default, and ids alone when asked", async () => {
    const responsesCsv = (asked: () => Promise<void>) =>
      Promise.all([page.waitForRequest((r) => r.url().includes("/responses.csv")), asked()]).then(
        async ([req]) => {
          // The file the page asked for, read again through the API (the page saves it as a download).
          const url = new URL(req.url());
          const res = await env.collector.api(`/surveys/ward-resident/responses.csv${url.search}`);
          return { url, text: await res.text() };
        },
      );
    await openDashboardSection(page, "indicators");
    const button = page.getByRole("button", { name: staffJa.dashboard.downloadCsv });
    const inWords = await responsesCsv(() => button.click());
    expect(inWords.url.searchParams.get("labels")).toBe("ja");
    // q_area's column of ids, then the same answers in words under its short label.
    const header = inWords.text.split("\r\n")[0] ?? "";
    expect(header).toContain("q_area");
    expect(header).toContain(shipped.questions[0]?.shortLabel?.ja ?? "no short label");
    expect(inWords.text).toContain("地域1");

    await page.getByLabel(/選択肢と設問の名前を書き添える/).uncheck();
    const idsAlone = await responsesCsv(() => button.click());
    expect(idsAlone.url.searchParams.has("labels")).toBe(false);
    expect(idsAlone.text).not.toContain("地域1");
  });

  it("shows responses per day, event, tablet and version as the counts API gives them", async () => {
    const expected = ResponseCounts.parse(
      await (await env.collector.api("/surveys/ward-resident/counts")).json(),
    );
    // 90 responses on five days of each of two years: the comparison has rows to compare.
    expect(expected.byDay.length).toBe(10);
    await openDashboardSection(page, "responses");
    const section = page.getByTestId("response-counts");
    await section.getByTestId("counts-day").waitFor();
    const shown = (table: string) =>
      section
        .getByTestId(`counts-${table}`)
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute("data-key"), tr.querySelector("td")?.textContent ?? ""]),
        );
    // A hidden event or tablet (n null) reads 非表示, as a hidden group of a breakdown does.
    const format = (key: string | number | null, n: number | null) => [
      key === null ? "" : String(key),
      n === null ? "非表示" : formatCount(n, "ja"),
    ];
    expect(await shown("day")).toEqual(expected.byDay.map((r) => format(r.day, r.n)));
    expect(await shown("event")).toEqual(expected.byEvent.map((r) => format(r.eventId, r.n)));
    expect(await shown("device")).toEqual(expected.byDevice.map((r) => format(r.deviceId, r.n)));
    expect(await shown("version")).toEqual(expected.byVersion.map((r) => format(r.version, r.n)));
    // Days as the reader's calendar writes them, not as ISO strings.
    const firstDay = await section.getByTestId("counts-day").locator("tbody th").first().textContent();
    expect(firstDay).toBe(
      new Intl.DateTimeFormat("ja", { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${expected.byDay[0]?.day}T00:00:00Z`),
      ),
    );

    // One wave: the tables follow the API's counts for that fiscal year.
    await section.getByTestId("response-counts-wave").selectOption("2025");
    const fy2025 = ResponseCounts.parse(
      await (await env.collector.api("/surveys/ward-resident/counts?wave=2025")).json(),
    );
    await expect.poll(() => shown("version")).toEqual(fy2025.byVersion.map((r) => format(r.version, r.n)));
    expect(await shown("day")).toEqual(fy2025.byDay.map((r) => format(r.day, r.n)));
    expect(await axeViolations(page)).toEqual([]);
  });

  it("creates one event for a double press and an Enter on the create button, which keeps the focus", async () => {
    await openDashboardSection(page, "events");
    await page.getByRole("heading", { name: staffJa.events.title }).waitFor();
    await page.getByLabel(staffJa.events.name, { exact: true }).fill("二度押し");
    await page.getByLabel(staffJa.events.place, { exact: true }).fill("区役所");
    await page.getByLabel(staffJa.events.date, { exact: true }).fill("2026-10-01");
    // The POST is held, so every press lands while the first is still on its way.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let posts = 0;
    await page.route("**/api/v1/events", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      posts++;
      await held;
      await route.continue();
    });
    const create = page.getByRole("button", { name: staffJa.events.create });
    // Two clicks back to back, before any render between them; then Enter on the busy button.
    await create.dblclick();
    await page.keyboard.press("Enter");
    expect(await create.getAttribute("aria-disabled")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(staffJa.events.create);
    release();
    await expect.poll(() => create.getAttribute("aria-disabled")).toBe("false");
    await page.unroute("**/api/v1/events");
    const events = (await (await env.collector.api("/events")).json()) as { events: { name: string }[] };
    expect(events.events.filter((e) => e.name === "二度押し")).toHaveLength(1);
    expect(posts).toBe(1);
  });

  it("lists a wrong clock's answer as not counted, and counts it once an analyst says why", async () => {
    const wrongClock: Response = {
      ...(responses()[0] as Response),
      id: uuidv7(),
      submittedAt: "2099-06-01T03:00:00.000Z",
    };
    const stored = await fetch(`${env.collector.origin}/api/v1/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: [wrongClock] }),
    });
    expect(stored.status).toBe(200);
    const held = ReviewSummary.parse(
      await (await env.collector.api("/surveys/ward-resident/reviews")).json(),
    );
    expect(held.groups).toEqual([expect.objectContaining({ state: "held", reason: "clock", n: 1 })]);
    const wave = held.groups[0]?.wave as number;
    const before = (await api(`?wave=${wave}`)).indicators[0]?.n ?? 0;

    await page.goto(`${env.collector.origin}/dashboard/responses`);
    const section = page.getByTestId("reviews");
    await section.getByText(staffJa.reviews.clock).waitFor();
    const count = section.getByRole("button", { name: staffJa.reviews.count });
    await count.click();
    await section.getByText(staffJa.reviews.whyMissing).waitFor();
    await section.getByLabel(staffJa.reviews.why).fill("タブレットの時計の設定違い。回答は本物");
    await count.click();
    await section.getByText(staffJa.reviews.none).waitFor();
    await section.getByText(staffJa.reviews.changed.replace("{{n}}", "1")).waitFor();
    expect((await api(`?wave=${wave}`)).indicators[0]?.n).toBe(before + 1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
