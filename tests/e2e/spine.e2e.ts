import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { Tallies } from "../../src/contract/tallies";
import { useCollectorAndChromium } from "./support/suite";

// The spine, as a resident and an organizer live it: first visit online, then the collector is
// gone (the only way to cut a service worker's traffic), reload, answer, held on the device;
// collector back, the app notices by itself, the tallies count the answer, the dashboard shows it.
describe("a resident answers offline, it syncs, the organizer sees it", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await phoneContext(env.browser);
    page = await context.newPage();
  });

  const next = () => page.getByRole("button", { name: "次へ", exact: true }).click();
  const choose = async (label: string) => {
    await page.getByLabel(label, { exact: true }).check();
    await next();
  };

  it("caches the app on the first visit", async () => {
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: "回答をはじめる" }).waitFor();
    // Wait until the service worker has precached everything and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
        );
    });
  });

  it("opens, is answered and holds the response with the collector stopped", async () => {
    await env.collector.stop();
    await page.reload();
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await choose("地域3");
    await choose("30〜39歳");
    await choose("マンション・共同住宅");
    await choose("はい");
    await page.getByRole("spinbutton").fill("5");
    await next();
    // A required question refuses to move on, and says so.
    await next();
    await expect
      .poll(() => page.locator("#q_disaster_prep-error").innerText())
      .toBe("この質問は回答が必要です。");
    await choose("している");
    await page.getByLabel("家具の固定", { exact: true }).check();
    await next();
    await choose("やや感じる");
    await next(); // where they get news: optional, skipped
    await choose("知っている");
    await next(); // local activities: optional, skipped
    await choose("感じない");
    await choose("知っている"); // shown only because children = はい
    await page.getByRole("textbox").fill("公園の防災倉庫の場所を知りたいです。");
    await next();

    await page.getByRole("heading", { name: "回答の確認" }).waitFor();
    await page.getByRole("button", { name: "送信する" }).click();
    await page.getByRole("heading", { name: "ご回答ありがとうございました" }).waitFor();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "この端末に保存しました" }).count())
      .toBe(1);

    const held = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("tsunagu");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = await new Promise<{ state: string }[]>((resolve, reject) => {
        const req = db.transaction("responses").objectStore("responses").getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return all.map((r) => r.state);
    });
    expect(held).toEqual(["pending"]);
  });

  it("is sent when the collector is back, without a reload or a tap", async () => {
    await env.collector.start();
    await page
      .getByRole("status")
      .filter({ hasText: "回答は区役所に送信されました。" })
      .waitFor({ timeout: 120_000 });

    const res = await env.collector.api("/surveys/ward-resident/tallies");
    expect(res.status).toBe(200);
    const tallies = Tallies.parse(await res.json());
    const byId = Object.fromEntries(tallies.indicators.map((i) => [i.id, i]));
    expect(byId.disaster_prep).toMatchObject({ n: 1, positive: 1, percent: 100 });
    expect(byId.info_reach).toMatchObject({ n: 1, positive: 1, percent: 100 });
    expect(byId.watch_over).toMatchObject({ n: 1, positive: 0, percent: 0 });

    const csv = await (await env.collector.api("/surveys/ward-resident/responses.csv")).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(csv).toContain("公園の防災倉庫の場所を知りたいです。");
  });

  it("shows the organizer the same figures on /dashboard", async () => {
    await page.goto(`${env.collector.origin}/dashboard`);
    await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    const card = page
      .locator("article.indicator")
      .filter({ hasText: "家庭や地域で防災対策を講じている" })
      .first();
    await card.waitFor();
    const text = (await card.innerText()).replace(/\s+/g, " ");
    expect(text).toContain("100");
    // One answer is below the survey's minimum cell (10): the percent is shown, but no verdict yet.
    expect(text).toContain("判定なし");
    expect(text).not.toMatch(/(?<!未)達成|未達成/);
  });
});
