// Screenshots of authoring for docs/screenshots/authoring/: the dashboard's questionnaire versions
// with a workbook's problems listed at their cells, then the fixed workbook's changes and preview,
// in Japanese at office-PC size. Needs a build (npx vite build); starts its own collector:
//   npx tsx scripts/authoring-screenshots.ts
import { mkdirSync, readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { ORGANIZER_TOKEN } from "../harness/collector";
import { withCollectorAndChromium } from "../harness/with-collector-and-chromium";
import { XLSX_MEDIA_TYPE } from "../src/contract/versions";
import { SurveyDefinition } from "../src/domain/definition";
import staffJa from "../src/i18n/staff/ja";
import { writeWorkbook } from "../src/server/workbook/write-workbook";

const OUT = "docs/screenshots/authoring";

const shipped = SurveyDefinition.parse(JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")));
const text = (ja: string) => ({ ja, "ja-x-easy": ja, en: ja, "zh-Hans": ja, ko: ja, vi: ja });
const next = SurveyDefinition.parse({
  ...shipped,
  version: shipped.version + 1,
  questions: [
    ...shipped.questions.slice(0, -1),
    {
      id: "q_bicycle",
      kind: "single",
      label: text("自転車をよく使いますか。"),
      options: [
        { id: "yes", label: text("はい") },
        { id: "no", label: text("いいえ") },
      ],
    },
    ...shipped.questions.slice(-1),
  ],
});
const good = writeWorkbook(next);

/** The workbook as an admin might first save it: a list named wrong, a target in words, a blank. */
function withMistakes(): Buffer {
  const book = XLSX.read(good, { type: "buffer" });
  const set = (sheetName: string, column: string, row: (r: string[]) => boolean, value: string) => {
    const sheet = book.Sheets[sheetName] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    const c = (rows[0] ?? []).indexOf(column);
    const r = rows.findIndex((x, i) => i > 0 && row(x));
    sheet[XLSX.utils.encode_cell({ r, c })] = { t: "s", v: value };
  };
  const nameIs = (sheet: string, name: string) => (r: string[]) => {
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[sheet] as XLSX.WorkSheet, { header: 1 });
    return r[(rows[0] ?? []).indexOf(sheet === "indicators" ? "id" : "name")] === name;
  };
  set("survey", "type", nameIs("survey", "q_bicycle"), "select_one yes_no_maybe");
  set("indicators", "target", nameIs("indicators", "disaster_prep"), "70%");
  set("survey", "label::vi", nameIs("survey", "q_bicycle"), "");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

mkdirSync(OUT, { recursive: true });
await withCollectorAndChromium(async (collector, browser) => {
  const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${collector.origin}/dashboard`);
  await page.getByLabel("担当者トークン").fill(ORGANIZER_TOKEN);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  const section = page.locator("section.versions");
  await section.waitFor();
  const upload = async (file: Buffer) => {
    await section
      .getByLabel(staffJa.versions.file)
      .setInputFiles({ name: "ward-resident-next.xlsx", mimeType: XLSX_MEDIA_TYPE, buffer: file });
    await section.getByRole("button", { name: staffJa.versions.check }).click();
  };
  await upload(withMistakes());
  await section.getByTestId("workbook-problems").waitFor();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${OUT}/problems-ja.png` });
  await upload(good);
  await section.getByTestId("workbook-problems").waitFor({ state: "detached" });
  await page.waitForTimeout(500);
  await section.screenshot({ path: `${OUT}/changes-and-preview-ja.png` });
  await context.close();
});
console.log(`written to ${OUT}/`);
