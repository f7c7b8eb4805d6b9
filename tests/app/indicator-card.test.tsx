import { renderToString } from "preact-render-to-string";
import { beforeAll, describe, expect, it } from "vitest";
import { IndicatorCard } from "../../src/app/dashboard/indicator-card";
import type { IndicatorTally } from "../../src/contract/tallies";
import { initI18n, loadStaffMessages, setLanguage } from "../../src/i18n";

const LANGUAGES = ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"] as const;

const tally = (weighted: Partial<NonNullable<IndicatorTally["weighted"]>>): IndicatorTally => ({
  id: "prepared",
  n: 1234,
  positive: 600,
  percent: 48.6,
  ci95: [45.8, 51.4],
  target: { op: ">=", value: 70 },
  verdict: "not_met",
  weighted: {
    suppressed: false,
    n: 1100,
    nEffective: 950.2,
    percent: 43.7,
    ci95: [40.5, 46.9],
    verdict: "not_met",
    cellsWithoutRespondents: [],
    blanks: "exclude",
    leftOut: { blankAnswer: 0, noPopulation: 0 },
    ...weighted,
  },
});

const render = (t: IndicatorTally) =>
  renderToString(
    <IndicatorCard
      tally={t}
      label="防災"
      locale="ja"
      minCell={10}
      byLabel={undefined}
      groupLabel={(k) => k}
      weightedBy="年齢"
    />,
  );

describe("the indicator card's weighted estimate", () => {
  beforeAll(async () => {
    // The dashboard's words are the staff chunk's,
    // loaded with the dashboard's code, and from then on in each language switched to.
    await initI18n("ja");
    await loadStaffMessages();
  });

  it.each(LANGUAGES)(
    "says in %s how many respondents a blank weighting answer leaves out",
    async (language) => {
      await setLanguage(language);
      const html = render(tally({ leftOut: { blankAnswer: 134, noPopulation: 7 } }));
      const blank = /data-testid="left-out-blank">([^<]*)</.exec(html)?.[1] ?? "";
      expect(blank).toContain("134");
      expect(blank).toContain("年齢");
      expect(blank).not.toContain("organizer.");
      const outside = /data-testid="left-out-no-population">([^<]*)</.exec(html)?.[1] ?? "";
      expect(outside).toContain("7");
      expect(outside).not.toContain("organizer.");
    },
  );

  it.each(LANGUAGES)("says in %s why a weighted estimate is withheld, with no figure", async (language) => {
    await setLanguage(language);
    const html = render(
      tally({
        suppressed: true,
        n: null,
        nEffective: null,
        percent: null,
        ci95: null,
        verdict: null,
        leftOut: null,
      }),
    );
    const why = /data-testid="weighted-withheld">([^<]*)</.exec(html)?.[1] ?? "";
    expect(why).toContain("10");
    expect(why).toContain("年齢");
    expect(why).not.toContain("organizer.");
    expect(/data-testid="weighted-percent">([^<]*)</.exec(html)?.[1]).toBe("—");
  });

  it("says nothing of left-out respondents when there are none", async () => {
    await setLanguage("en");
    const html = render(tally({}));
    expect(html).not.toContain("left-out");
  });
});
