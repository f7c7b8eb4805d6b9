import { renderToString } from "preact-render-to-string";
import { beforeAll, describe, expect, it } from "vitest";
import { seriesBreakText } from "../../src/app/dashboard/series-break-text";
import { TrendView } from "../../src/app/dashboard/trend-view";
import type { Trend } from "../../src/contract/trend";
import type { SurveyDefinition } from "../../src/domain/definition";
import { BreakReasonCode } from "../../src/domain/wave-breaks";
import { initI18n, loadStaffMessages, setLanguage } from "../../src/i18n";
import staffEn from "../../src/i18n/staff/en";
import staffJa from "../../src/i18n/staff/ja";
import ward from "../../surveys/ward-resident.json";

const LANGUAGES = ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"] as const;
const EVERY_REASON = BreakReasonCode.options;

beforeAll(async () => {
  // The staff chunk is loaded as the dashboard does.
  await initI18n("ja");
  await loadStaffMessages();
});

describe("seriesBreakText", () => {
  it.each(LANGUAGES)("words in %s the year it cannot be compared with and every reason", async (language) => {
    await setLanguage(language);
    const text = seriesBreakText({ fromWave: 2024, reasons: [...EVERY_REASON] }, language);
    expect(text).toContain(language.startsWith("ja") ? "令和6年度" : "FY2024");
    // Worded, not the codes, and not a missing key's path.
    for (const code of EVERY_REASON) expect(text).not.toContain(code);
    expect(text).not.toContain("organizer.");
    const one = seriesBreakText({ fromWave: 2024, reasons: ["positive_changed"] }, language);
    expect(text.length).toBeGreaterThan(one.length);
  });

  it("says each reason in its own words, in the reader's language", async () => {
    await setLanguage("en");
    expect(seriesBreakText({ fromWave: 2025, reasons: ["positive_changed", "excluded_changed"] }, "en")).toBe(
      `Series break: not comparable with FY2025 (${staffEn.organizer.seriesBreakReasons.positive_changed} and ${staffEn.organizer.seriesBreakReasons.excluded_changed})`,
    );
    await setLanguage("ja");
    expect(seriesBreakText({ fromWave: 2025, reasons: ["question_changed"] }, "ja")).toContain(
      staffJa.organizer.seriesBreakReasons.question_changed,
    );
  });

  it("still says there is a break for a reason this dashboard does not know yet", async () => {
    await setLanguage("en");
    const text = seriesBreakText({ fromWave: 2025, reasons: ["wording_changed" as BreakReasonCode] }, "en");
    expect(text).toContain("Series break");
    expect(text).toContain("wording_changed");
  });
});

describe("the trend table", () => {
  const point = (
    wave: number,
    percent: number,
    extra: Partial<Trend["indicators"][number]["points"][number]>,
  ) => ({
    wave,
    n: 100,
    positive: percent,
    percent,
    ci95: [percent - 9, percent + 9] as [number, number],
    verdict: null,
    change: null,
    seriesBreak: null,
    ...extra,
  });
  const def = ward as unknown as SurveyDefinition;
  const id = def.indicators[0]?.id ?? "";
  const trend: Trend = {
    surveyId: def.id,
    waves: [2024, 2025, 2026],
    indicators: [
      {
        id,
        target: null,
        points: [
          point(2024, 30, {}),
          point(2025, 80, { seriesBreak: { fromWave: 2024, reasons: ["positive_changed"] } }),
          point(2026, 70, { change: { fromWave: 2025, points: -10, ci95: [-20, 1], significant: false } }),
        ],
      },
    ],
  };

  it.each(LANGUAGES)(
    "shows the break at its year in %s, in words, with no change there",
    async (language) => {
      await setLanguage(language);
      const html = renderToString(<TrendView trend={trend} def={def} locale={language} />);
      const rows = html.split("<tr").slice(2);
      expect(rows).toHaveLength(3);
      const [, fy2025, fy2026] = rows;
      expect(fy2025).toContain('class="series-break"');
      expect(fy2025).toContain(seriesBreakText({ fromWave: 2024, reasons: ["positive_changed"] }, language));
      expect(fy2026).not.toContain("series-break");
      expect(fy2026).toContain("-10");
    },
  );
});

describe("a reason or an audit action this build has no words for (a newer collector's)", () => {
  it("reads as its code, not as the path of a missing message", async () => {
    await setLanguage("ja");
    const text = seriesBreakText(
      { fromWave: 2025, reasons: ["unit_changed" as (typeof EVERY_REASON)[number]] },
      "ja",
    );
    expect(text).toContain("unit_changed");
    expect(text).not.toContain("organizer.seriesBreakReasons");
    const { auditActionText } = await import("../../src/app/dashboard/audit/audit-words");
    expect(auditActionText("results_published_later")).toBe("results_published_later");
    expect(auditActionText("sign_in")).toBe(staffJa.audit.actions.sign_in);
  });
});
