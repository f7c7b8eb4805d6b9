import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeFetched, surveyColdVisit, total } from "../../harness/cold-visit-log";
import { ROOT } from "../../harness/collector";
import { XLSX_MEDIA_TYPE } from "../../src/contract/versions";
import { SurveyDefinition } from "../../src/domain/definition";
import { writeWorkbook } from "../../src/server/workbook/write-workbook";
import { BUDGET_GZIP, CEILING_GZIP } from "./support/cold-visit-budget";
import { useCollectorAndChromium } from "./support/suite";

// Issue 20: the first-load budget and the first screen drawn in the HTML hold for a definition
// published at run time, not only for the one the build drew. The shipped survey's next version,
// with a new first question, is published by workbook; a phone's cold visit then reads that
// question in the page's HTML and fetches no more than the built survey's page allows.

const SURVEY = "ward-resident";
const NEW_VI = "Ý kiến của bạn về quận (câu hỏi mới năm nay)";

function nextVersionWorkbook(): Buffer {
  const shipped = SurveyDefinition.parse(
    JSON.parse(readFileSync(join(ROOT, "surveys", `${SURVEY}.json`), "utf8")),
  );
  const label = {
    ja: "区へのご意見（今年度の新しい質問）",
    "ja-x-easy": "くへの いけん（ことしの あたらしい しつもん）",
    en: "Your opinion of the ward (new this year)",
    "zh-Hans": "您对本区的意见（今年新增的问题）",
    ko: "구에 대한 의견(올해 새 질문)",
    vi: NEW_VI,
  };
  return writeWorkbook(
    SurveyDefinition.parse({
      ...shipped,
      version: shipped.version + 1,
      questions: [{ id: "q_new", kind: "text", maxLength: 200, label }, ...shipped.questions],
    }),
  );
}

describe("a respondent's cold visit to a version published at run time", () => {
  const env = useCollectorAndChromium();

  it(`draws the new version's first screen in the HTML and fetches at most ${CEILING_GZIP} B gzip in vi`, async () => {
    const published = await env.collector.api(`/surveys/${SURVEY}/versions`, {
      method: "POST",
      headers: { "Content-Type": XLSX_MEDIA_TYPE },
      body: new Uint8Array(nextVersionWorkbook()),
    });
    expect(published.status).toBe(201);

    const html = await (await fetch(`${env.collector.origin}/s/${SURVEY}?lang=vi`)).text();
    expect(html).toContain(NEW_VI);

    const { page } = await surveyColdVisit(env.browser, env.collector.origin, "vi");
    const report = describeFetched("the page of the published version (vi)", page);
    console.log(report);
    expect(page.some((f) => f.path === `/surveys/${SURVEY}.vi.json`)).toBe(true);
    expect(total(page), report).toBeLessThanOrEqual(Math.min(CEILING_GZIP, BUDGET_GZIP));
  });
});
