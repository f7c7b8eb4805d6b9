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

/** A survey of its own, made from a copy of the shipped one: another id, title, one question fewer. */
function newSurvey(id: string, ja: string, vi: string): SurveyDefinition {
  return SurveyDefinition.parse({
    ...shipped,
    id,
    version: 1,
    title: { ...shipped.title, ja, vi },
    questions: shipped.questions.filter((q) => q.id !== "q_comment"),
  });
}

const youth = newSurvey("ward-youth", "区の若者アンケート", "Khảo sát thanh niên của quận");

describe("a new survey from a workbook: checked, previewed, published, listed and opened", () => {
  const env = useCollectorAndChromium();
  let page: Page;
  const consoleErrors: string[] = [];
  const good = writeWorkbook(youth);

  beforeAll(async () => {
    const context = await phoneContext(env.browser, { bypassCSP: true });
    page = await context.newPage();
    page.on("console", (m) => {
      // The collector's 422 and 409 for the workbooks refused on purpose: those refusals are the test.
      const refused = m.text().includes("status of 422") || m.text().includes("status of 409");
      if (m.type() === "error" && !refused) consoleErrors.push(m.text());
    });
  });

  const section = () => page.locator("section.new-survey");
  const upload = async (file: Buffer, name: string) => {
    await section()
      .getByLabel(staffJa.newSurvey.file)
      .setInputFiles({ name, mimeType: XLSX_MEDIA_TYPE, buffer: file });
    await section().getByRole("button", { name: staffJa.versions.check }).click();
  };
  /** The dashboard's survey picker: the select offering the shipped survey (drawn once there are two). */
  const surveyPicker = () => page.locator(`select:has(option[value="${shipped.id}"])`);
  const servedIds = async () =>
    ((await (await fetch(`${env.collector.origin}/surveys/index.json`)).json()) as { id: string }[]).map(
      (s) => s.id,
    );

  it("refuses the shipped survey's own workbook: a survey with that id exists", async () => {
    await page.goto(`${env.collector.origin}/dashboard/surveys`);
    await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await section().waitFor();
    // One survey: no picker yet.
    expect(await surveyPicker().count()).toBe(0);

    await upload(writeWorkbook(shipped), "ward-resident.xlsx");
    expect(await section().getByTestId("new-survey-exists").textContent()).toBe(staffJa.newSurvey.exists);
    expect(await section().getByTestId("workbook-checked").count()).toBe(0);
  });

  it("shows a mistake at its cell and publishes nothing", async () => {
    const bad = withWrongList(good, (r, header) =>
      String(r[header.indexOf("type")] ?? "").startsWith("select_one "),
    );
    await upload(bad.file, "ward-youth.xlsx");
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
    expect(await servedIds()).toEqual([shipped.id]);
  });

  it("checks the workbook: the new survey's title, id, languages, counts and its screens in vi", async () => {
    await upload(good, "ward-youth.xlsx");
    const checked = section().getByTestId("workbook-checked");
    await checked.waitFor();
    const summary = await checked
      .getByTestId("new-survey-summary")
      .locator("div")
      .evaluateAll((divs) =>
        divs.map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent]),
      );
    expect(summary).toEqual([
      [staffJa.newSurvey.surveyTitle, "区の若者アンケート"],
      [staffJa.newSurvey.id, "ward-youth"],
      [staffJa.newSurvey.languages, "日本語, やさしい にほんご, English, 简体中文, 한국어, Tiếng Việt"],
      [staffJa.newSurvey.questions, String(shipped.questions.length - 1)],
      [staffJa.newSurvey.indicators, String(shipped.indicators.length)],
    ]);

    const preview = checked.getByTestId("survey-preview");
    await checked.getByTestId("preview-language").selectOption("vi");
    expect(await preview.getAttribute("lang")).toBe("vi");
    await preview.getByRole("heading", { level: 1, name: "Khảo sát thanh niên của quận" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOT_DIR)
      await checked.screenshot({ path: join(process.env.SCREENSHOT_DIR, "new-survey-checked.png") });
    // Checked, not published.
    expect(await servedIds()).toEqual([shipped.id]);
  });

  it("publishes it: listed on the dashboard, opened there, and served to phones", async () => {
    await section().getByRole("button", { name: staffJa.newSurvey.publish }).click();
    const published = section().getByTestId("new-survey-published");
    await published.waitFor();
    expect(await published.locator("p").first().textContent()).toBe(
      staffJa.newSurvey.published.replace("{{id}}", "ward-youth"),
    );
    // The page's list of surveys now holds it (two surveys: the picker appears).
    const picker = surveyPicker();
    await picker.waitFor();
    expect(await picker.evaluate((s) => s.closest("label")?.textContent)).toContain(staffJa.dashboard.survey);
    expect(await picker.locator("option").allTextContents()).toEqual([
      shipped.title.ja,
      "区の若者アンケート",
    ]);
    expect(await picker.inputValue()).toBe(shipped.id);

    await published
      .getByRole("button", { name: staffJa.newSurvey.open.replace("{{id}}", "ward-youth") })
      .click();
    expect(await picker.inputValue()).toBe("ward-youth");
    const versions = page.locator("section.versions");
    await versions.locator('[data-version="1"]').waitFor();
    expect(await versions.getByTestId("versions-current").textContent()).toBe("現在の版：第1版");
    expect(await versions.locator("[data-version]").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const served = await fetch(`${env.collector.origin}/surveys/ward-youth.json`);
    expect(served.status).toBe(200);
    const def = (await served.json()) as { id: string; version: number; questions: unknown[] };
    expect([def.id, def.version, def.questions.length]).toEqual([
      "ward-youth",
      1,
      shipped.questions.length - 1,
    ]);
    expect(await servedIds()).toContain("ward-youth");
    expect(consoleErrors).toEqual([]);
  });

  it("says the id is taken when another survey went out between the check and Publish", async () => {
    const elder = writeWorkbook(newSurvey("ward-elder", "区の高齢者アンケート", "Khảo sát người cao tuổi"));
    await upload(elder, "ward-elder.xlsx");
    await section().getByTestId("workbook-checked").waitFor();
    // Another admin publishes the same survey meanwhile.
    const first = await env.collector.api("/surveys", {
      method: "POST",
      headers: { "Content-Type": XLSX_MEDIA_TYPE },
      body: new Uint8Array(elder),
    });
    expect(first.status).toBe(201);
    await section().getByRole("button", { name: staffJa.newSurvey.publish }).click();
    expect(await section().getByTestId("new-survey-exists").textContent()).toBe(staffJa.newSurvey.exists);
  });
});
