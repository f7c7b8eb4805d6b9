import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { readBackup } from "../../src/contract/backup";
import { axeViolations } from "./support/axe";
import { respondent, storedRecords } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// The staff view on /settings: what the device holds, what the collector confirms, the backup file.
describe("the device's data on /settings in Chromium", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // bypassCSP: axe-core is injected as a script tag, which the app's own CSP rightly refuses.
    context = await phoneContext(env.browser, { bypassCSP: true, acceptDownloads: true });
    page = await context.newPage();
  });

  const summary = async () =>
    ((await page.locator("#device-summary").textContent()) ?? "").replace(/\s+/g, " ");

  it("counts two sent answers, confirms them with the collector, and exports both", async () => {
    const r = respondent(page);
    for (const area of ["地域1", "地域2"]) {
      await page.goto(`${env.collector.origin}/s/ward-resident`);
      await page.getByRole("button", { name: "回答をはじめる" }).click();
      await r.answerAll(area);
      await r.submit();
      await page
        .getByRole("status")
        .filter({ hasText: "回答は区役所に送信されました。" })
        .waitFor({ timeout: 60_000 });
    }
    expect((await storedRecords(page)).map((x) => x.state)).toEqual(["sent", "sent"]);

    await page.goto(`${env.collector.origin}/settings`);
    await expect.poll(summary).toContain("この端末 2 件 · 送信済み 2 件 · 集計サーバーで確認済み 0 件");
    expect(await page.getByText("使用量").count()).toBe(1);
    await page.getByRole("button", { name: "集計サーバーに確認する" }).click();
    await expect.poll(summary).toContain("集計サーバーで確認済み 2 件");
    await page.getByText("確認しました：確認済み 2 件、サーバーに見つからない 0 件。").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "バックアップファイルを書き出す" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tsunagu-backup-\d{8}-\d{4}\.json$/);
    const file = await readBackup(await readFile((await download.path()) as string, "utf8"));
    expect(file.items.map((i) => i.state)).toEqual(["sent", "sent"]);
    await page.getByText("2 件の回答をファイルに書き出しました。").waitFor();
  });
});
