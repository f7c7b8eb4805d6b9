import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { fiscalYear, formatFiscalYear } from "../../src/domain/fiscal-year";
import staffJa from "../../src/i18n/staff/ja";
import { useCollectorAndChromium } from "./support/suite";

/**
 * The collector's refusals on the Japanese dashboard beside the backup's (backup-import.e2e.ts): the
 * sentence is Japanese, from the error's code; only the place the collector named (a CSV's line and
 * column) and what it found there keep its English.
 */
describe("dashboard: the collector's refusals in the reader's language", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-messages-e2e-"));

  beforeAll(async () => {
    page = await (await phoneContext(env.browser)).newPage();
    await page.goto(`${env.collector.origin}/dashboard/population`);
    await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
  });

  it("says in Japanese why a population CSV was refused, with the line the collector named", async () => {
    const file = join(dir, "population.csv");
    writeFileSync(file, "q_age,population\nage_unknown,1200\n");
    const section = page.getByRole("region", { name: staffJa.organizer.weightsTitle });
    await section.getByLabel(staffJa.organizer.weightsFile).setInputFiles(file);
    await section.getByRole("button", { name: staffJa.organizer.weightsUpload }).click();
    const alert = section.getByRole("alert");
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain(staffJa.collectorProblem.invalid_population_csv);
    expect(text).toContain("line 2, column 1");
    // The collector's English sentence ("1 problem(s), first at …; nothing was stored") is not shown.
    expect(text).not.toMatch(/problem\(s\)|nothing was stored/);
    if (process.env.SCREENSHOT_DIR)
      await section.screenshot({ path: join(process.env.SCREENSHOT_DIR, "weights-refused.png") });
  });

  it("stores a year's totals for the year picked, and lists the years that have totals", async () => {
    const section = page.getByRole("region", { name: staffJa.organizer.weightsTitle });
    const lastYear = fiscalYear(new Date()) - 1;
    const label = formatFiscalYear(lastYear, "ja");
    await section.getByLabel(staffJa.organizer.weightsYear).selectOption(String(lastYear));
    const file = join(dir, "population-last-year.csv");
    writeFileSync(file, "q_age,population\nage_30_39,1200\nage_40_49,800\n");
    await section.getByLabel(staffJa.organizer.weightsFile).setInputFiles(file);
    await section.getByRole("button", { name: staffJa.organizer.weightsUpload }).click();
    const listed = section.getByTestId("weights-sets");
    await listed.waitFor();
    expect(await listed.textContent()).toContain(`${label}：2 区分、2,000 人`);
    expect(await section.getByTestId("weights-stored").textContent()).toContain(`${label}の人口：2 区分`);
    // The collector holds them as that wave's, and only that wave's.
    const sets = (await (await env.collector.api("/surveys/ward-resident/population")).json()) as {
      sets: { wave: number | null }[];
    };
    expect(sets.sets.map((s) => s.wave)).toEqual([lastYear]);
  });
});
