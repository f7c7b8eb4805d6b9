import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { XLSX_MEDIA_TYPE } from "../../src/contract/versions";
import { SurveyDefinition } from "../../src/domain/definition";
import staffJa from "../../src/i18n/staff/ja";
import { writeWorkbook } from "../../src/server/workbook/write-workbook";
import { axeViolations } from "./support/axe";
import { useCollectorAndChromium } from "./support/suite";
import { withWrongList } from "./support/workbooks";

const shipped = SurveyDefinition.parse(JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")));
/** The version the organizer publishes: the one after the shipped (whose earlier ones are archived). */
const NEXT = shipped.version + 1;

/** The next version: the shipped survey with one question added before the free comment. */
function nextVersion(): SurveyDefinition {
  const text = (ja: string, vi: string) => ({
    ja,
    "ja-x-easy": ja,
    en: `${vi} (en)`,
    "zh-Hans": `${ja}（中文）`,
    ko: `${ja} (한국어)`,
    vi,
  });
  const added = {
    id: "q_bicycle",
    kind: "single" as const,
    required: false,
    label: text("自転車をよく使いますか。", "Bạn có hay đi xe đạp không?"),
    options: [
      { id: "yes", label: text("はい", "Có") },
      { id: "no", label: text("いいえ", "Không") },
    ],
  };
  const at = shipped.questions.findIndex((q) => q.id === "q_comment");
  const questions = [...shipped.questions];
  questions.splice(at, 0, added as SurveyDefinition["questions"][number]);
  return SurveyDefinition.parse({ ...shipped, version: NEXT, questions });
}

describe("authoring: upload, problems at their cells, changes, preview in vi, publish", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  const consoleErrors: string[] = [];
  const good = writeWorkbook(nextVersion());
  const bad = withWrongList(good, (r, header) => r[header.indexOf("name")] === "q_bicycle");

  beforeAll(async () => {
    const context = await phoneContext(env.browser, { bypassCSP: true });
    page = await context.newPage();
    page.on("console", (m) => {
      // The browser logs the collector's 422 for the workbook with a mistake: that refusal is the test.
      if (m.type() === "error" && !m.text().includes("status of 422")) consoleErrors.push(m.text());
    });
  });

  const section = () => page.locator("section.versions");
  const upload = async (file: Buffer) => {
    await section()
      .getByLabel(staffJa.versions.file)
      .setInputFiles({ name: "ward-resident-v2.xlsx", mimeType: XLSX_MEDIA_TYPE, buffer: file });
    await section().getByRole("button", { name: staffJa.versions.check }).click();
  };

  it("shows a mistake at its cell, in Japanese, and publishes nothing", async () => {
    await page.goto(`${env.collector.origin}/dashboard/surveys`);
    await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await section().waitFor();
    expect(await section().getByTestId("versions-current").textContent()).toBe(
      `現在の版：第${shipped.version}版`,
    );
    await section().locator(`[data-version="${shipped.version}"]`).waitFor();

    await upload(bad.file);
    const table = section().getByTestId("workbook-problems");
    await table.waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector("th")?.textContent, tr.querySelector("td")?.textContent]),
      );
    expect(rows).toContainEqual([
      bad.cell,
      "choices シートに「no_such_list」という選択肢リストがありません。",
    ]);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOT_DIR)
      await section().screenshot({ path: join(process.env.SCREENSHOT_DIR, "authoring-problems.png") });
    const listed = (await (await env.collector.api("/surveys/ward-resident/versions")).json()) as {
      versions: unknown[];
    };
    // Every shipped version (the archived ones too), and nothing more.
    expect(listed.versions).toHaveLength(shipped.version);
  });

  it("shows the fixed workbook's change and previews the new screens in vi without saving", async () => {
    await upload(good);
    const checked = section().getByTestId("workbook-checked");
    await checked.waitFor();
    const changes = await checked.locator(".versions__changes li").allTextContents();
    expect(changes).toEqual(["設問を追加：q_bicycle「自転車をよく使いますか。」"]);

    const preview = checked.getByTestId("survey-preview");
    await checked.getByTestId("preview-language").selectOption("vi");
    expect(await preview.getAttribute("lang")).toBe("vi");
    await preview.getByRole("heading", { level: 1 }).waitFor();
    expect(await preview.getByRole("heading", { level: 1 }).textContent()).toBe(shipped.title.vi);
    await preview.locator(".button--primary").first().click(); // Start
    // Through the questions to the new one, each skipped where it may be (none is required but some).
    for (let i = 0; i < shipped.questions.length + 2; i++) {
      if ((await preview.getByText("Bạn có hay đi xe đạp không?").count()) > 0) break;
      const options = preview.locator("input[type=radio]");
      if ((await options.count()) > 0) await options.first().check();
      await preview.locator(".button--primary").last().click();
    }
    await preview.getByText("Bạn có hay đi xe đạp không?").waitFor();
    expect(await preview.getByText("Có", { exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOT_DIR)
      await checked.screenshot({ path: join(process.env.SCREENSHOT_DIR, "authoring-preview.png") });
    // The preview wrote no draft: the device holds none of this survey.
    const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("draft")));
    expect(drafts).toEqual([]);
  });

  it("publishes the next version and lists it with its change", async () => {
    await section()
      .getByRole("button", { name: staffJa.versions.publish.replace("{{version}}", String(NEXT)) })
      .click();
    await section().getByTestId("versions-published").waitFor();
    const published = section().locator(`[data-version="${NEXT}"]`);
    await published.waitFor();
    expect(await published.locator("li").allTextContents()).toEqual(["設問を追加：q_bicycle"]);
    expect(await section().getByTestId("versions-current").textContent()).toBe(`現在の版：第${NEXT}版`);
    const served = (await (await fetch(`${env.collector.origin}/surveys/ward-resident.json`)).json()) as {
      version: number;
    };
    expect(served.version).toBe(NEXT);

    expect(consoleErrors).toEqual([]);
  });

  it("says someone published first when the version went out between the check and Publish", async () => {
    const three = writeWorkbook({ ...nextVersion(), version: NEXT + 1 });
    await upload(three);
    await section().getByTestId("workbook-checked").waitFor();
    // Another organizer publishes that version meanwhile.
    const first = await env.collector.api("/surveys/ward-resident/versions", {
      method: "POST",
      headers: { "Content-Type": XLSX_MEDIA_TYPE },
      body: new Uint8Array(three),
    });
    expect(first.status).toBe(201);
    await section()
      .getByRole("button", { name: staffJa.versions.publish.replace("{{version}}", String(NEXT + 1)) })
      .click();
    await section().getByText(staffJa.versions.conflict).waitFor();
    await section()
      .locator(`[data-version="${NEXT + 1}"]`)
      .waitFor();
  });
});
