import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ROOT, TSX } from "../../harness/collector";
import { Tallies } from "../../src/contract/tallies";
import { PublishedVersion, XLSX_MEDIA_TYPE } from "../../src/contract/versions";
import { SurveyDefinition } from "../../src/domain/definition";
import { writeWorkbook } from "../../src/server/workbook/write-workbook";
import { chooseLanguage } from "./support/language-switch";
import { respondent, storedRecords, waitForServiceWorker } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// Issue 20, versions at run time: a version published on the collector reaches a phone that
// installed the app before it, on its next visit, with no rebuild and no restart; the phone then
// opens it offline; and an answer to the version before, held offline, is still accepted.

const SURVEY = "ward-resident";
const NEW_QUESTION = "区へのご意見をお聞かせください（今年度の新しい質問）";
const NEW_QUESTION_EN = "Your opinion of the ward (new this year)";
const shipped = SurveyDefinition.parse(
  JSON.parse(readFileSync(join(ROOT, "surveys", `${SURVEY}.json`), "utf8")),
);
/** The version the collector serves from the start, and the one the organizer publishes next. */
const SHIPPED = `version ${shipped.version}`;
const NEXT = shipped.version + 1;

/** The shipped survey as its next version, with an optional text question first: the workbook an admin uploads. */
function nextVersionWorkbook(): Buffer {
  const added = SurveyDefinition.parse({
    ...shipped,
    version: NEXT,
    questions: [
      {
        id: "q_new",
        kind: "text",
        maxLength: 200,
        label: {
          ja: NEW_QUESTION,
          "ja-x-easy": "区への いけんを かいて ください（ことしの あたらしい しつもん）",
          en: NEW_QUESTION_EN,
          "zh-Hans": "您对本区的意见（今年新增的问题）",
          ko: "구에 대한 의견(올해 새 질문)",
          vi: "Ý kiến của bạn về quận (câu hỏi mới năm nay)",
        },
      },
      ...shipped.questions,
    ],
  });
  return writeWorkbook(added);
}

/** The version of the survey a page's first question belongs to, as the respondent sees it. */
async function firstQuestion(page: Page): Promise<string> {
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  // The new question, or the shipped version's first (the area), whichever the form drew.
  const question = page.getByText(NEW_QUESTION).or(page.getByText("地域3", { exact: true }));
  await question.first().waitFor();
  return (await page.getByText(NEW_QUESTION).count()) > 0 ? `version ${NEXT}` : SHIPPED;
}

describe("a version published at run time reaches an installed phone", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await phoneContext(env.browser);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("one visit: the service worker takes control, the form is the shipped version", async () => {
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/${SURVEY}`);
    await waitForServiceWorker(page);
    expect(await firstQuestion(page)).toBe(SHIPPED);
    await page.close();
  });

  it("the organizer publishes the next version, and the phone's next visit shows its new question", async () => {
    const res = await env.collector.api(`/surveys/${SURVEY}/versions`, {
      method: "POST",
      headers: { "Content-Type": XLSX_MEDIA_TYPE },
      body: new Uint8Array(nextVersionWorkbook()),
    });
    expect(res.status).toBe(201);
    expect(PublishedVersion.parse(await res.json())).toMatchObject({ surveyId: SURVEY, version: NEXT });

    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/${SURVEY}`);
    // Served by the installed worker (the same one: no reinstall), not by a new page.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await firstQuestion(page)).toBe(`version ${NEXT}`);
    await page.close();
  });

  it("with the collector stopped, the phone opens the next version offline, in another language too", async () => {
    await env.collector.stop();
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/${SURVEY}`);
    expect(await firstQuestion(page)).toBe(`version ${NEXT}`);
    // The switch brings the whole definition in, which the phone had cached with the shipped version
    // at install: the worker replaced it when the next came in, so the form stays on the next.
    await chooseLanguage(page, "en");
    await page.getByText(NEW_QUESTION_EN).waitFor();
    await page.close();
  });
});

describe("an answer to the shipped version held offline is accepted after the next is published", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await phoneContext(env.browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it("answers the shipped version offline and holds the answer", async () => {
    await page.goto(`${env.collector.origin}/s/${SURVEY}`);
    await waitForServiceWorker(page);
    // The phone is offline from here on: the collector is gone (which cuts the worker's traffic too).
    await env.collector.stop();
    await page.reload();
    const form = respondent(page);
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await form.answerAll();
    await form.submit();
    await form.thanks().waitFor();
    const held = await storedRecords(page);
    expect(held.map((r) => [r.state, r.response.surveyVersion])).toEqual([["pending", shipped.version]]);
  });

  it("the next version is published while the phone is offline; back online, the answer is sent and tallied", async () => {
    // Published with the collector down (npm run survey -- publish, into its database): nothing
    // can reach the phone, and the phone's answer cannot reach the collector, before the next is in.
    const dir = mkdtempSync(join(tmpdir(), "tsunagu-next-"));
    const file = join(dir, `ward-resident-v${NEXT}.xlsx`);
    writeFileSync(file, nextVersionWorkbook());
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", TSX, "src/server/cli/survey-cli.ts", "publish", file],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: env.collector.dataDir, DATABASE_URL: "" } },
    );
    expect(stdout).toContain(`${SURVEY} version ${NEXT} published`);

    await env.collector.start();
    const latest = await (await fetch(`${env.collector.origin}/surveys/${SURVEY}.json`)).json();
    expect(latest).toMatchObject({ id: SURVEY, version: NEXT });
    await page
      .getByRole("status")
      .filter({ hasText: "回答は区役所に送信されました。" })
      .waitFor({ timeout: 120_000 });

    const res = await env.collector.api(`/surveys/${SURVEY}/tallies`);
    expect(res.status).toBe(200);
    const tallies = Tallies.parse(await res.json());
    const byId = Object.fromEntries(tallies.indicators.map((i) => [i.id, i]));
    // answerAll: preparedness "していない", information "感じる", watching over "やや感じる".
    expect(byId.disaster_prep).toMatchObject({ n: 1, positive: 0 });
    expect(byId.info_reach).toMatchObject({ n: 1, positive: 1 });
    expect(byId.watch_over).toMatchObject({ n: 1 });
    const csv = await (await env.collector.api(`/surveys/${SURVEY}/responses.csv`)).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
  });
});
