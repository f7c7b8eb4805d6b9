import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { seededResponses } from "../../harness/fixtures/ward-responses";
import { ResultsSnapshot } from "../../src/contract/results";
import { fiscalYear } from "../../src/domain/fiscal-year";
import { LOCALES, localize } from "../../src/domain/locales";
import { oneDecimal } from "../../src/server/results/page/format";
import { axeViolations } from "./support/axe";
import { respondent } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

const WARD = "ward-resident";

// Issue 23 in Chromium: an admin publishes this fiscal year's results; a phone reads every figure
// with JavaScript off, in each of the ward's languages, the page is axe clean at 390 px, and the
// thank-you screen leads to it.
describe("the public results page", () => {
  const env = useCollectorAndChromium();
  const wave = fiscalYear(new Date());
  let snapshot: ResultsSnapshot;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${env.collector.origin}/api/v1${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${ORGANIZER_TOKEN}`,
        "Content-Type": "application/json",
        ...init.headers,
      },
    });

  beforeAll(async () => {
    // One address sending 300 is a burst: stored and held, then counted by the analyst's review.
    // A resident's phone sends no token (a bearer token there is a kiosk's).
    const sent = await fetch(`${env.collector.origin}/api/v1/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: seededResponses(300) }),
    });
    expect(sent.status).toBe(200);
    await api(`/surveys/${WARD}/reviews`, {
      method: "POST",
      body: JSON.stringify({ filter: { state: "held" }, state: "counted", reason: "e2e" }),
    });
    const texts = {
      disaster_prep: {
        ja: "防災訓練を年4回に増やします。",
        vi: "Quận sẽ tăng diễn tập phòng chống thiên tai lên 4 lần mỗi năm.",
      },
    };
    const published = await api(`/surveys/${WARD}/results/${wave}`, {
      method: "POST",
      body: JSON.stringify({ texts, breakdowns: ["q_area", "q_age"] }),
    });
    expect(published.status).toBe(201);
    const open = await fetch(`${env.collector.origin}/api/v1/public/surveys/${WARD}/results/${wave}.json`);
    snapshot = ResultsSnapshot.parse(await open.json());
    expect(snapshot.respondents).toBe(300);
  });

  for (const locale of LOCALES)
    it(`shows every published figure with JavaScript off at 390 px, and is axe clean, in ${locale}`, async () => {
      const url = `${env.collector.origin}/results/${WARD}/${wave}/${locale}`;
      const off = await phoneContext(env.browser, { javaScriptEnabled: false });
      const page = await off.newPage();
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      const text = (await page.locator("body").innerText()).replace(/\s+/g, " ");
      const missing: string[] = [];
      for (const ind of snapshot.indicators) {
        if (ind.percent === null) continue;
        const want = [localize(ind.label, locale), `${oneDecimal(ind.percent, locale)}%`];
        for (const b of ind.breakdowns)
          for (const g of b.groups)
            if (!g.suppressed) want.push(`${oneDecimal(g.percent as number, locale)}%`);
        for (const w of want) if (!text.includes(w)) missing.push(`${ind.id}: ${w}`);
      }
      expect(missing).toEqual([]);
      expect(text).toContain(locale === "vi" ? "Quận sẽ tăng diễn tập" : "防災訓練を年4回に増やします。");
      const width = await page.evaluate(() => document.documentElement.scrollWidth).catch(() => 390);
      expect(width).toBeLessThanOrEqual(390);
      await off.close();

      // axe needs a script of its own: the same page in a context with JavaScript (it has none).
      const on = await phoneContext(env.browser);
      const checked = await on.newPage();
      await checked.goto(url);
      expect(await checked.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(checked)).toEqual([]);
      // RESULTS_SCREENSHOTS=1 refreshes docs/screenshots/results/ (the closing note).
      if (process.env.RESULTS_SCREENSHOTS)
        await checked.screenshot({ path: `docs/screenshots/results/results-${locale}.png` });
      await on.close();
    });

  it("takes a reaction in Vietnamese with JavaScript off, and counts it", async () => {
    const context = await phoneContext(env.browser, { javaScriptEnabled: false, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/results/${WARD}/${wave}/vi`);
    const first = page.locator("form").first();
    await first.getByLabel("Có ích", { exact: true }).check();
    await first.getByLabel("Ý kiến (không bắt buộc)").fill("Cảm ơn quận");
    await first.getByRole("button", { name: "Gửi" }).click();
    await page.waitForURL(/\?reacted=/, { timeout: 5000 }).catch(async () => {
      throw new Error(`not back on the page: ${page.url()} ${await page.locator("body").innerText()}`);
    });
    await page.getByText("Xin cảm ơn. Quận sẽ đọc ý kiến của bạn.").waitFor();
    expect(await page.locator("body").innerText()).toContain("1 phản hồi");
    await context.close();
    const tallies = (await (await api(`/surveys/${WARD}-reactions/tallies`)).json()) as {
      indicators: { n: number; positive: number }[];
    };
    expect(tallies.indicators[0]).toMatchObject({ n: 1, positive: 1 });
  });

  it("is linked from the thank-you screen", async () => {
    const context = await phoneContext(env.browser);
    const page = await context.newPage();
    const r = respondent(page);
    await page.goto(`${env.collector.origin}/s/${WARD}`);
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await r.answerAll();
    await r.submit();
    await r.thanks().waitFor();
    const link = page.getByRole("link", { name: /の結果を見る$/ });
    await link.click();
    await page.waitForURL(`**/results/${WARD}/${wave}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.title()).toContain(localize(snapshot.title, "ja"));
    await context.close();
  });
});
