import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { shippedVersion } from "../../harness/fixtures/ward-responses";
import { writeBackup } from "../../src/contract/backup";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import ja from "../../src/i18n/catalogues/ja";
import staffJa from "../../src/i18n/staff/ja";
import { axeViolations } from "./support/axe";
import { useCollectorAndChromium } from "./support/suite";

const ward = (answers: Response["answers"] = {}): Response => ({
  id: uuidv7(),
  surveyId: "ward-resident",
  surveyVersion: shippedVersion(),
  submittedAt: "2026-06-01T03:00:00.000Z",
  locale: "ja",
  mode: "kiosk",
  eventId: "festival-2026",
  deviceId: "tablet-3",
  answers: { q_disaster_prep: "yes", q_info_reach: "feel", q_watch_over: "somewhat", ...answers },
});

describe("dashboard: importing a device backup", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-backup-e2e-"));

  beforeAll(async () => {
    // bypassCSP only so that axe-core can be injected; tests/e2e/csp.e2e.ts checks the policy itself.
    const context = await phoneContext(env.browser, { bypassCSP: true });
    page = await context.newPage();
  });

  it("stores a good file, shows the counts and the refused item, and refuses a damaged file whole", async () => {
    const good = [ward(), ward()];
    const bad = ward({ q_info_reach: "maybe" });
    const goodFile = join(dir, "tablet-3.json");
    const items = [...good, bad].map((response) => ({ response, state: "pending" as const }));
    writeFileSync(goodFile, JSON.stringify(await writeBackup(items, { deviceId: "tablet-3" })));
    const other = ward();
    const damagedFile = join(dir, "damaged.json");
    const damaged = await writeBackup([{ response: other, state: "pending" }]);
    writeFileSync(damagedFile, JSON.stringify(damaged).replace('"feel"', '"somewhat"'));

    await page.goto(`${env.collector.origin}/dashboard/events`);
    await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    const section = page.getByRole("region", { name: "端末のバックアップを取り込む" });
    const importButton = section.getByRole("button", { name: "取り込む" });
    // With no file yet there is nothing to import, as the app's other forms with nothing to send.
    expect(await importButton.isDisabled()).toBe(true);
    await section.getByLabel("バックアップファイル").setInputFiles(goodFile);
    expect(await importButton.isEnabled()).toBe(true);
    // Pressed from the keyboard: the focus stays on the button while and after it imports.
    await importButton.focus();
    await page.keyboard.press("Enter");
    await section.getByText("取り込みました。").waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest(".backup-upload button") !== null)).toBe(
      true,
    );
    const counts = await section.locator(".backup-upload__counts > div").allTextContents();
    expect(counts).toEqual([
      "新しく保存2",
      "保存済み（重複）0",
      "同じ ID で内容が違う（競合）0",
      "不正な回答（保存せず）1",
    ]);
    const refusedItem = await section.locator(".backup-upload__refused li").textContent();
    expect(refusedItem).toContain(bad.id);
    // The reason in the reader's language from the item's code, with the field after it.
    expect(refusedItem).toContain(ja.itemReason.invalid_answers);
    expect(refusedItem).toContain("answers.q_info_reach");
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "backup-import.png"), fullPage: true });
      await section.screenshot({ path: join(process.env.SCREENSHOT_DIR, "backup-import-summary.png") });
    }

    await section.getByLabel("バックアップファイル").setInputFiles(damagedFile);
    await section.getByRole("button", { name: "取り込む" }).click();
    const alert = section.getByRole("alert");
    await alert.waitFor();
    // The collector's reason in Japanese, by the code of its problem: its English ("the checksum
    // does not match") was shown on the Japanese dashboard before (issue 26).
    const refusal = await alert.textContent();
    expect(refusal).toContain(staffJa.collectorProblem.backup.checksum_mismatch);
    expect(refusal).not.toMatch(/checksum does not match|nothing was imported/);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOT_DIR)
      await section.screenshot({ path: join(process.env.SCREENSHOT_DIR, "backup-import-refused.png") });

    const receipts = await env.collector.api("/receipts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids: [...good, bad, other].map((r) => r.id) }),
    });
    expect(((await receipts.json()) as { stored: string[] }).stored).toEqual(good.map((r) => r.id));
  });
});
