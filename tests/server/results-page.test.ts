import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { benchResponses } from "../../harness/fixtures/ward-responses";
import { ResultsSnapshot } from "../../src/contract/results";
import { LOCALES } from "../../src/domain/locales";
import type { Response } from "../../src/domain/response";
import { oneDecimal } from "../../src/server/results/page/format";
import type { Storage } from "../../src/server/storage";
import {
  describeEachStorage,
  ingestAsStaff,
  makeResponse,
  openApp,
  organizer,
  postJson,
  SURVEY,
} from "./support";
import { seededApp, WARD } from "./versions-support";

/**
 * The results page's budget, gzip bytes, in its largest language: the ward-resident survey's four
 * indicators, each broken down by area (14) and age (6), with the ward's texts in six languages.
 * An eighth of the respondent's first load (50,000 B): the page is one request on a phone's weak data;
 * 4,836 B in Japanese when it was set (issue 23), room left for the reaction forms.
 */
const PAGE_BUDGET_GZIP = 6_500;

const FY = 2025;
const answers = (n: number, yes: number, area: string, fy = FY): Response[] =>
  Array.from({ length: n }, (_, i) =>
    makeResponse({
      submittedAt: `${fy}-07-01T03:00:00.000Z`,
      answers: { q_prepared: i < yes ? "yes" : "no", q_area: area },
    }),
  );
const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);

describeEachStorage("the results page", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    let storage: Storage;
    let surveys: Parameters<typeof ingestAsStaff>[1];
    ({ app, storage, surveys, dispose } = await openApp(variant));
    await ingestAsStaff(storage, surveys, [
      ...answers(12, 9, "north"),
      ...answers(20, 10, "east"),
      ...answers(3, 1, "south"),
      ...answers(10, 5, "north", FY - 1),
    ]);
    const body = { texts: { prepared: { ja: "防災訓練を増やします" } }, breakdowns: ["q_area"] };
    expect(
      (await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, postJson(body, organizer))).status,
    ).toBe(201);
  });
  afterEach(async () => dispose());

  const snapshot = async () =>
    ResultsSnapshot.parse(
      await (await app.request(`/api/v1/public/surveys/${SURVEY}/results/${FY}.json`)).json(),
    );

  it("writes every published figure into the HTML, in words, with no script", async () => {
    const res = await app.request(`/results/${SURVEY}/${FY}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const [ind] = (await snapshot()).indicators;
    if (!ind?.percent || !ind.ci95) throw new Error("no figure");
    expect(html).toContain(`${oneDecimal(ind.percent, "ja")}%`);
    expect(html).toContain(`およそ ${Math.round(ind.ci95[0])}%〜${Math.round(ind.ci95[1])}%`);
    expect(html).toContain(`回答 ${ind.n} 人のうち`);
    expect(html).toContain("目標 70% 以上");
    expect(html).toContain("未達成");
    expect(html).toContain("防災訓練を増やします");
    expect(html).toContain("令和6年度");
    for (const g of ind.breakdowns[0]?.groups ?? [])
      if (!g.suppressed)
        expect(html).toContain(`${oneDecimal(g.percent as number, "ja")}%</td><td class="r">${g.n}<`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<meta property="og:title"');
  });

  it("shows no count or percent of a hidden group", async () => {
    const html = await (await app.request(`/results/${SURVEY}/${FY}/en`)).text();
    const hidden = [...html.matchAll(/<tr data-suppressed="(\w+)">.*?<\/tr>/g)];
    expect(hidden.map((m) => m[1])).toEqual(["north", "south"]);
    for (const row of hidden) for (const cell of cellsOf(row[0])) expect(cell).toBe("hidden");
  });

  it("speaks the language of its path or ?lang=, links the others, and marks the Japanese fallback", async () => {
    const en = await (await app.request(`/results/${SURVEY}/${FY}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("about ");
    expect(en).toContain("This text is in Japanese only.");
    expect(en).toContain('<p class="ward" lang="ja">防災訓練を増やします</p>');
    expect(en).toContain(`href="/results/${SURVEY}/${FY}" lang="ja" hreflang="ja"`);
    const withoutUrl = (html: string) => html.replace(/<meta property="og:url"[^>]*>/, "");
    expect(withoutUrl(await (await app.request(`/results/${SURVEY}/${FY}/en`)).text())).toBe(withoutUrl(en));
    // The fixture survey has no Vietnamese: its page reads Japanese.
    expect(await (await app.request(`/results/${SURVEY}/${FY}/vi`)).text()).toContain('<html lang="ja">');
    expect((await app.request(`/results/${SURVEY}/${FY}/xx`)).status).toBe(404);
  });

  it("is admitted by the strict policy: its one inline stylesheet by its hash", async () => {
    const res = await app.request(`/results/${SURVEY}/${FY}`);
    const html = await res.text();
    const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  it("is taken down by unpublishing", async () => {
    await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, { method: "DELETE", headers: organizer });
    const res = await app.request(`/results/${SURVEY}/${FY}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("公開されていません");
  });
});

describeEachStorage("the results page's size", (variant) => {
  it(`stays within ${PAGE_BUDGET_GZIP} B gzip in every language of the ward's survey`, async () => {
    const opened = await variant.open();
    try {
      await opened.storage.migrate();
      const { app, surveys } = await seededApp(opened.storage);
      await ingestAsStaff(opened.storage, surveys, benchResponses(600));
      const def = surveys.latestOf(WARD);
      const text =
        "防災訓練を年4回に増やし、備蓄の手引きを全戸に配ります。集合住宅の管理組合と訓練日を調整します。";
      const texts = Object.fromEntries(
        (def?.indicators ?? []).map((i) => [i.id, Object.fromEntries(LOCALES.map((l) => [l, text]))]),
      );
      const body = { texts, breakdowns: ["q_area", "q_age"] };
      expect(
        (await app.request(`/api/v1/surveys/${WARD}/results/2026`, postJson(body, organizer))).status,
      ).toBe(201);
      const sizes: Record<string, number> = {};
      for (const locale of LOCALES) {
        const res = await app.request(`/results/${WARD}/2026/${locale}`, {
          headers: { "Accept-Encoding": "gzip" },
        });
        expect(res.headers.get("Content-Encoding")).toBe("gzip");
        const raw = await (await app.request(`/results/${WARD}/2026/${locale}`)).text();
        sizes[locale] = gzipSync(raw).length;
      }
      console.log(`results page, gzip bytes: ${JSON.stringify(sizes)} (budget ${PAGE_BUDGET_GZIP})`);
      for (const [locale, size] of Object.entries(sizes))
        expect(size, locale).toBeLessThanOrEqual(PAGE_BUDGET_GZIP);
    } finally {
      await opened.dispose();
    }
  }, 60_000);
});
