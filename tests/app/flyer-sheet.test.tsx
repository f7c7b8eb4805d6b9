import { renderToString } from "preact-render-to-string";
import { beforeAll, describe, expect, it } from "vitest";
import { FlyerSheet } from "../../src/app/flyer/flyer-sheet";
import { formatDeadline, formatPeriod } from "../../src/app/flyer/survey-period";
import { SurveyDefinition, type SurveyDefinitionInput } from "../../src/domain/definition";
import { initI18n, loadStaffMessages, setLanguage } from "../../src/i18n";

const LANGUAGES = ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"] as const;
const both = (ja: string, en: string) => ({ ja, en });

const definition = (extra: Partial<SurveyDefinitionInput>) =>
  SurveyDefinition.parse({
    id: "flyer-test",
    version: 1,
    title: both("テスト", "Test"),
    description: both("説明", "About"),
    locales: ["ja", "en"],
    questions: [{ id: "q_a", kind: "text", label: both("A", "A"), maxLength: 10 }],
    ...extra,
  });

const render = (extra: Partial<SurveyDefinitionInput>, locale: "ja" | "en" = "ja") =>
  renderToString(<FlyerSheet def={definition(extra)} locale={locale} link="https://example.jp/s/x" />);

/** The text inside the first element of `cls`, tags dropped. */
const textOf = (html: string, cls: string) => {
  const at = html.indexOf(`class="${cls}"`);
  if (at < 0) return undefined;
  const open = html.lastIndexOf("<", at);
  const tag = /^<(\w+)/.exec(html.slice(open))?.[1] ?? "";
  const close = html.indexOf(`</${tag}>`, at);
  return html
    .slice(html.indexOf(">", at) + 1, close)
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");
};

// Issue 26, item 4: the flyer prints the answer period, the deadline and the ward's contact when
// the definition has them, and leaves their place out when it does not.
describe("the flyer's period, deadline and contact", () => {
  beforeAll(async () => {
    await initI18n("ja");
    await loadStaffMessages();
  });

  it("writes the period with the year once, as each language writes it", async () => {
    await setLanguage("ja");
    expect(formatPeriod("2026-07-01", "2026-07-31", "ja")).toBe("2026年7月1日〜7月31日");
    // Across a year's end both years are written.
    expect(formatPeriod("2026-12-15", "2027-01-15", "ja")).toBe("2026年12月15日〜2027年1月15日");
    expect(formatPeriod("2026-07-01", "2026-07-01", "ja")).toBe("2026年7月1日");
    expect(formatDeadline("2026-07-31", "ja")).toBe("2026年7月31日(金)");
    await setLanguage("en");
    expect(formatPeriod("2026-07-01", "2026-07-31", "en")).toBe("July 1 – July 31, 2026");
    expect(formatPeriod("2026-12-15", "2027-01-15", "en")).toBe("December 15, 2026 – January 15, 2027");
    expect(formatDeadline("2026-07-31", "en")).toBe("Fri, July 31, 2026");
  });

  it.each(LANGUAGES)("writes the period in %s with both days and no message key", async (language) => {
    await setLanguage(language);
    const period = formatPeriod("2026-07-01", "2026-07-31", language);
    expect(period).toMatch(/2026/);
    expect(period.match(/31/g)).toHaveLength(1);
    expect(period).not.toContain("flyer.");
  });

  it("prints the period, the deadline with its day and the contact with its line breaks", async () => {
    await setLanguage("ja");
    const html = render({
      opens: "2026-07-01",
      closes: "2026-07-31",
      contact: both("区役所 総務課\n電話 06-0000-0000", "Ward Office\nTel 06-0000-0000"),
    });
    expect(textOf(html, "flyer__dates")).toBe("回答期間：2026年7月1日〜7月31日");
    expect(textOf(html, "flyer__deadline")).toBe("回答期限 2026年7月31日(金)");
    expect(html).toContain('datetime="2026-07-31"');
    expect(textOf(html, "flyer__contact")).toBe("お問い合わせ区役所 総務課\n電話 06-0000-0000");
  });

  it("leaves out the place of what the definition does not have", async () => {
    await setLanguage("ja");
    const none = render({});
    for (const cls of ["flyer__period", "flyer__dates", "flyer__deadline", "flyer__contact"])
      expect(none, cls).not.toContain(cls);
    expect(none).not.toContain("お問い合わせ");

    // A deadline alone: no period line.
    const closesOnly = render({ closes: "2026-07-31" });
    expect(textOf(closesOnly, "flyer__deadline")).toBe("回答期限 2026年7月31日(金)");
    expect(closesOnly).not.toContain("flyer__dates");
    // An opening day alone: from when, and no deadline.
    const opensOnly = render({ opens: "2026-07-01" });
    expect(textOf(opensOnly, "flyer__dates")).toBe("回答期間：2026年7月1日から");
    expect(opensOnly).not.toContain("flyer__deadline");
    expect(opensOnly).not.toContain("flyer__contact");
  });
});

// Issue 23: the flyer prints where last year's results are, when some are published.
describe("the flyer's link to published results", () => {
  // The messages are those the suite above loaded (initialising again would drop the staff ones).
  beforeAll(async () => {
    await setLanguage("ja");
  });

  it("prints the results' year and address, and nothing when none are published", () => {
    const results = { wave: "令和7年度", href: "https://example.jp/results/flyer-test/2025" };
    const html = renderToString(
      <FlyerSheet def={definition({})} locale="ja" link="https://example.jp/s/x" results={results} />,
    );
    expect(textOf(html, "flyer__results")).toBe(
      "令和7年度の結果と区の取り組み: https://example.jp/results/flyer-test/2025",
    );
    expect(textOf(render({}), "flyer__results")).toBeUndefined();
  });
});
