import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderToString } from "preact-render-to-string";
import { beforeAll, describe, expect, it } from "vitest";
import { TallyPickers } from "../../src/app/dashboard/tally-pickers";
import { weightingDimensions } from "../../src/app/dashboard/weighting-dimensions";
import { type SingleChoiceQuestion, SurveyDefinition } from "../../src/domain/definition";
import { initI18n, loadStaffMessages } from "../../src/i18n";

const shipped = SurveyDefinition.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, "../../surveys/ward-resident.json"), "utf8")),
);
type Single = typeof SingleChoiceQuestion._zod.output;
const singles = shipped.questions.filter((q): q is Single => q.kind === "single");

beforeAll(async () => {
  await initI18n("ja");
  await loadStaffMessages();
});

const picker = (questions: Single[], locale: string) =>
  renderToString(
    <TallyPickers
      waves={[2026]}
      shownWave={2026}
      onWave={() => {}}
      questions={questions}
      by=""
      onBy={() => {}}
      locale={locale}
    />,
  );

describe("the dashboard names questions by their short labels", () => {
  it("offers each breakdown by its short label, not the question text", () => {
    const html = picker(singles, "ja");
    expect(html).toContain(">地域</option>");
    expect(html).toContain(">年齢</option>");
    expect(html).not.toContain("お住まいの地域（地域活動協議会の区域）を選んでください。");
    expect(picker(singles, "vi")).toContain(">Tuổi</option>");
  });

  it("falls back to the full question where there is no short label", () => {
    const [area] = singles;
    if (!area) throw new Error("no single-choice question");
    const { shortLabel: _, ...bare } = area;
    expect(picker([bare], "en")).toContain(`>${area.label.en}</option>`);
  });

  it("writes the weighting note's dimensions as short labels, unknown ids as they are", () => {
    expect(weightingDimensions(["q_age", "q_area"], shipped.questions, "ja")).toBe("年齢 × 地域");
    expect(weightingDimensions(["q_age", "q_gone"], shipped.questions, "en")).toBe("Age × q_gone");
  });
});
