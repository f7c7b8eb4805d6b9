import { renderToString } from "preact-render-to-string";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LocaleContext } from "../../src/app/locale-context";
import { IntroScreen } from "../../src/app/respondent/intro-screen";
import { SurveyForm } from "../../src/app/respondent/survey-form";
import { SurveyDefinition, type SurveyDefinitionInput } from "../../src/domain/definition";
import { initI18n, setLanguage, t } from "../../src/i18n";
import en from "../../src/i18n/catalogues/en";

const both = (ja: string, en: string) => ({ ja, en });
const definition = (extra: Partial<SurveyDefinitionInput> = {}) =>
  SurveyDefinition.parse({
    id: "period-test",
    version: 1,
    title: both("テスト", "Test"),
    description: both("説明", "About"),
    locales: ["ja", "en"],
    questions: ["q_a", "q_b", "q_c", "q_d", "q_e", "q_f"].map((id) => ({
      id,
      kind: "single",
      label: both("A", "A"),
      options: [
        { id: "yes", label: both("はい", "Yes") },
        { id: "no", label: both("いいえ", "No") },
      ],
    })),
    opens: "2026-07-01",
    closes: "2026-07-31",
    ...extra,
  });

/** The survey's form as a respondent's phone draws it at `instant`, in English. */
function formAt(instant: string, extra: Partial<SurveyDefinitionInput> = {}): string {
  vi.useFakeTimers({ now: new Date(instant), toFake: ["Date"] });
  return renderToString(
    <LocaleContext.Provider value={{ locale: "en", setLocale: async () => {} }}>
      <SurveyForm def={definition(extra)} />
    </LocaleContext.Provider>,
  );
}

const has = (html: string, text: string) => html.includes(text);

beforeAll(async () => {
  await initI18n("en");
  await setLanguage("en");
});
afterEach(() => vi.useRealTimers());

// Issue 20, item 6: a closed survey says so and offers no Start; one not yet open says when.
describe("the intro of a survey with an answer period", () => {
  it("after the close day (Tokyo), says it closed on that day and has no Start", () => {
    const html = formAt("2026-07-31T15:00:00Z"); // 1 August 00:00 in Tokyo
    expect(has(html, t("intro.closed", { date: "Fri, July 31, 2026" }))).toBe(true);
    expect(has(html, en.intro.start)).toBe(false);
    expect(html).not.toMatch(/<button[^>]*>[^<]*Start/);
  });

  it("before the first day, says when it opens and has no Start", () => {
    const html = formAt("2026-06-30T14:59:59Z"); // 30 June 23:59:59 in Tokyo
    expect(has(html, t("intro.notYetOpen", { date: "Wed, July 1, 2026" }))).toBe(true);
    expect(has(html, en.intro.start)).toBe(false);
    expect(has(html, "closed on")).toBe(false);
  });

  it("on the close day itself, offers Start and no notice", () => {
    const html = formAt("2026-07-31T14:59:59Z"); // 31 July 23:59:59 in Tokyo
    expect(has(html, en.intro.start)).toBe(true);
    expect(html).not.toContain("intro__period");
  });

  it("in a preview, offers Start whatever the day: the organizer looks before it opens", () => {
    vi.useFakeTimers({ now: new Date("2027-01-01T00:00:00Z"), toFake: ["Date"] });
    const html = renderToString(<SurveyForm def={definition()} preview />);
    expect(has(html, en.intro.start)).toBe(true);
  });

  it("offers neither Continue nor Start over for a kept draft once closed", () => {
    const resume = { onContinue() {}, onStartOver() {} };
    const closed = renderToString(
      <IntroScreen def={definition()} locale="en" onStart={() => {}} resume={resume} period="closed" />,
    );
    expect(has(closed, en.draft.continue)).toBe(false);
    expect(has(closed, en.draft.startOver)).toBe(false);
    const open = renderToString(
      <IntroScreen def={definition()} locale="en" onStart={() => {}} resume={resume} period="open" />,
    );
    expect(has(open, en.draft.continue)).toBe(true);
  });

  it("says about how many minutes the questions take", () => {
    // Six single-choice questions of 12 s each: 72 s, about 2 minutes.
    const html = formAt("2026-07-15T03:00:00Z");
    expect(has(html, "At most 6 questions (about 2 min).")).toBe(true);
  });
});

// The HTML's intro is drawn once for weeks (build/first-screen.tsx): it holds Start and both notices,
// and carries the days for the page's one script, which picks on the respondent's own day.
describe("the intro in the HTML's first screen", () => {
  it("holds Start, both notices and the days, for the page's script to choose from", () => {
    const html = renderToString(
      <IntroScreen def={definition()} locale="en" onStart={() => {}} startHref="#first-question" />,
    );
    expect(html).toMatch(/<div class="intro" data-opens="2026-07-01" data-closes="2026-07-31">/);
    expect(html).toContain("intro__period--before");
    expect(html).toContain("intro__period--closed");
    expect(has(html, en.intro.start)).toBe(true);
  });

  it("holds no notice, and no days, for a survey without a period", () => {
    const { opens: _o, closes: _c, ...open } = definition();
    const html = renderToString(
      <IntroScreen def={open} locale="en" onStart={() => {}} startHref="#first-question" />,
    );
    expect(html).not.toContain("intro__period");
    expect(html).not.toContain("data-opens");
  });
});
