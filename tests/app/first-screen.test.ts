import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startFrom } from "../../src/app/respondent/first-screen";
import {
  DRAFT_ATTRIBUTE,
  FIRST_SCREEN_ATTRIBUTE,
  PERIOD_ATTRIBUTE,
} from "../../src/app/respondent/first-screen-markup";
import {
  FirstScreenError,
  firstScreenPage,
  inlinedAssets,
  renderFirstScreen,
} from "../../src/build/first-screen";
import { latestDefinitions } from "../../src/build/survey-assets";
import { SurveyDefinition } from "../../src/domain/definition";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";

const [shipped] = latestDefinitions([
  { file: "surveys/ward-resident.json", text: readFileSync("surveys/ward-resident.json", "utf8") },
]);
if (!shipped) throw new Error("no shipped survey");

const INDEX = `<!doctype html>
<html lang="ja">
  <head>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/runtime-def.js">
    <link rel="modulepreload" crossorigin href="/assets/locales-ghi.js">
    <link rel="stylesheet" crossorigin href="/assets/index-jkl.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

describe("renderFirstScreen", () => {
  it("draws the intro with Start as a link to the first question, which is drawn after it", async () => {
    const html = await renderFirstScreen(shipped, "ja");
    expect(html).toContain(`<h1 tabindex="-1">${shipped.title.ja}</h1>`);
    expect(html).toContain(
      `<a href="#first-question" class="button button--primary button--wide">${ja.intro.start}</a>`,
    );
    const first = shipped.questions[0];
    if (first?.kind !== "single") throw new Error("the shipped survey starts with a single choice");
    // Start's target first, then the intro, then the mark that the intro is parsed (which the page's
    // first paint waits for), then the question: the parser reaches Start first.
    expect(html).toMatch(
      /<main id="main" class="app-main"><span id="first-question" class="first-question-anchor"><\/span><div class="intro"[^>]*>.*<\/div><span id="intro-parsed" hidden><\/span><div class="first-question" data-question="q_area" data-texts="[^"]*"><form class="question" method="dialog"/s,
    );
    for (const option of first.options) expect(html).toContain(`value="${option.id}"`);
    // The app's header too, so that nothing moves when the app's own render replaces it.
    expect(html).toMatch(/^<header class="app-header">/);
  });

  it("draws each language's page in that language, the app's texts and the survey's", async () => {
    const html = await renderFirstScreen(shipped, "en");
    expect(html).toContain(en.intro.start);
    expect(html).toContain(shipped.title.en);
    expect(html).not.toContain(ja.intro.start);
    expect(await renderFirstScreen(shipped, "ja")).toContain(ja.intro.start);
  });

  it("draws no style attribute, which the Content-Security-Policy would refuse", async () => {
    for (const locale of ["ja", "vi"] as const)
      expect(await renderFirstScreen(shipped, locale)).not.toMatch(/\sstyle=/);
  });

  it("escapes a survey's texts", async () => {
    const def = SurveyDefinition.parse({
      ...shipped,
      title: { ...shipped.title, ja: `<img src=x onerror=alert(1)> & "$&"` },
    });
    const html = await renderFirstScreen(def, "ja");
    expect(html).toContain("&lt;img src=x onerror=alert(1)> &amp; &quot;$&amp;&quot;");
    expect(html).not.toContain("<img");
  });
});

describe("firstScreenPage", () => {
  const page = {
    surveyId: "ward-resident",
    locale: "en" as const,
    markup: "<p>$& $1 drawn</p>",
    bootScript: "/assets/boot-x.js",
    catalogueChunk: "/assets/en-mno.js",
  };
  const ASSETS: Record<string, string> = {
    "/assets/boot-x.js": "document.documentElement.dataset.booted = `$&`;\n",
    "/assets/index-jkl.css": ".intro{color:red}\n",
  };
  const read = (path: string) => {
    const text = ASSETS[path];
    if (text === undefined) throw new Error(`no ${path}`);
    return text;
  };
  const inlined = (read_: (path: string) => string = read, index = INDEX) =>
    inlinedAssets(index, page.bootScript, read_);
  const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("puts the markup in #app and hands the app's scripts, and its language's messages, to the boot script", () => {
    const html = firstScreenPage(INDEX, page, inlined());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<div id="app" data-first-screen="ward-resident" data-app-modules="/assets/index-abc.js /assets/runtime-def.js /assets/locales-ghi.js /assets/en-mno.js"><p>$& $1 drawn</p></div>',
    );
    // Inline, so that the first paint waits for no other request: the boot script runs as it is
    // parsed (it marks a kept draft before the intro's first paint: first-screen-boot.ts), in a
    // strict function of its own; the stylesheet as it was.
    expect(html).toContain(
      '<script>(()=>{"use strict";document.documentElement.dataset.booted = `$&`;})()</script>',
    );
    expect(html).toContain("<style>.intro{color:red}</style>");
    expect(html).not.toMatch(/<script[^>]+src=|<link rel="stylesheet"/);
    expect(html).not.toContain("modulepreload");
  });

  it("names the hashes of what it carries inline, which the collector's Content-Security-Policy allows", () => {
    const html = firstScreenPage(INDEX, page, inlined());
    const { hashes } = inlined();
    expect(hashes.script).toBe(sha256(/<script>(.*?)<\/script>/s.exec(html)?.[1] ?? ""));
    expect(hashes.style).toBe(sha256(/<style>(.*?)<\/style>/s.exec(html)?.[1] ?? ""));
  });

  it("refuses a script or stylesheet that would end its element early, and an index.html with no stylesheet", () => {
    const holding = (path: string, text: string) => (p: string) => (p === path ? text : read(p));
    expect(() =>
      firstScreenPage(INDEX, page, inlined(holding("/assets/boot-x.js", 'x = "</SCRIPT><img src=x>";'))),
    ).toThrow(/boot-x\.js holds "<\/script"/);
    expect(() =>
      firstScreenPage(INDEX, page, inlined(holding("/assets/index-jkl.css", "a{}</style><p>"))),
    ).toThrow(/index-jkl\.css holds "<\/style"/);
    // A module's import or export would stop the classic script at its first line.
    expect(() =>
      firstScreenPage(INDEX, page, inlined(holding("/assets/boot-x.js", "x();export{};"))),
    ).toThrow(/boot-x\.js is no classic script/);
    expect(() =>
      firstScreenPage(INDEX, page, inlined(read, INDEX.replace(/<link rel="stylesheet"[^>]*>/, ""))),
    ).toThrow(/no stylesheet/);
  });

  // The page's one script decides the answer period before #app is parsed: it reads the days on <html>.
  it("copies the survey's days from the intro onto <html>, and nothing else of the markup", async () => {
    const def = SurveyDefinition.parse({ ...shipped, opens: "2026-07-01", closes: "2026-07-31" });
    const markup = await renderFirstScreen(def, "en");
    expect(firstScreenPage(INDEX, { ...page, markup }, inlined())).toContain(
      '<html lang="en" data-opens="2026-07-01" data-closes="2026-07-31">',
    );
    const { opens: _o, closes: _c, ...open } = def;
    const withoutDays = await renderFirstScreen(open, "en");
    expect(firstScreenPage(INDEX, { ...page, markup: withoutDays }, inlined())).toContain('<html lang="en">');
    const forged = '<div class="intro" data-opens="2026-07-01&quot; onload=&quot;x">';
    expect(firstScreenPage(INDEX, { ...page, markup: forged }, inlined())).toContain('<html lang="en">');
  });

  it("refuses an index.html it cannot fill in, instead of writing a page without the app", () => {
    expect(() =>
      firstScreenPage(INDEX.replace('<div id="app"></div>', "<main></main>"), page, inlined()),
    ).toThrow(FirstScreenError);
    expect(() => firstScreenPage(INDEX.replace(/<script[\s\S]*?<\/script>/, ""), page, inlined())).toThrow(
      /module script/,
    );
  });
});

describe("startFrom: the app taking over from the HTML's first screen", () => {
  const L = (ja: string) => ({ ja });
  // What the first question's inputs held (its id is q1 in every survey below).
  const held = (...values: string[]) => new Map([["q1", { values, unreadable: false }]]);
  const survey = (first: object) =>
    SurveyDefinition.parse({
      id: "demo",
      version: 1,
      title: L("試験"),
      description: L("説明"),
      locales: ["ja"],
      questions: [{ id: "q1", required: false, label: L("一"), ...first }],
      indicators: [],
      minCell: 5,
    });
  const options = [
    { id: "a", label: L("あ") },
    { id: "b", label: L("い") },
  ];

  it("starts on the intro with nothing answered when Start was not pressed", () => {
    expect(startFrom(survey({ kind: "single", options }), { started: false, values: held() })).toEqual({
      screen: { kind: "intro" },
      answers: {},
    });
  });

  it("starts on the first question with the choice made before the app ran", () => {
    const def = survey({ kind: "single", options });
    expect(startFrom(def, { started: true, values: held("b") })).toEqual({
      screen: { kind: "question", questionId: "q1" },
      answers: { q1: "b" },
    });
    expect(startFrom(def, { started: true, values: held() }).answers).toEqual({});
  });

  it("keeps only what an option names, and reads each kind of question", () => {
    expect(
      startFrom(survey({ kind: "single", options }), { started: true, values: held("x") }).answers,
    ).toEqual({});
    expect(
      startFrom(survey({ kind: "multiple", options }), { started: true, values: held("a", "zz", "b") })
        .answers,
    ).toEqual({ q1: ["a", "b"] });
    expect(
      startFrom(survey({ kind: "text", maxLength: 100 }), { started: true, values: held("はい") }).answers,
    ).toEqual({ q1: "はい" });
    expect(
      startFrom(survey({ kind: "text", maxLength: 100 }), { started: true, values: held("") }).answers,
    ).toEqual({});
    expect(startFrom(survey({ kind: "number" }), { started: true, values: held(" 42 ") }).answers).toEqual({
      q1: 42,
    });
    expect(startFrom(survey({ kind: "number" }), { started: true, values: held("e") }).answers).toEqual({});
  });

  describe("with Next pressed before the app ran", () => {
    const twoQuestions = (first: object) =>
      SurveyDefinition.parse({
        ...survey(first),
        questions: [
          { id: "q1", required: true, label: L("一"), ...first },
          { id: "q2", required: false, kind: "single", label: L("二"), options },
        ],
      });

    it("goes on to the next question, as the app's Next would have", () => {
      expect(
        startFrom(twoQuestions({ kind: "single", options }), {
          started: true,
          values: held("a"),
          next: true,
        }),
      ).toEqual({
        screen: { kind: "question", questionId: "q2" },
        answers: { q1: "a" },
      });
    });

    it("stays on the first question with its error where the answer does not pass", () => {
      const unanswered = startFrom(twoQuestions({ kind: "single", options }), {
        started: true,
        values: held(),
        next: true,
      });
      expect(unanswered.screen).toEqual({ kind: "question", questionId: "q1" });
      expect(unanswered.error).toMatchObject({ questionId: "q1", code: "required" });
      const notANumber = startFrom(twoQuestions({ kind: "number" }), {
        started: true,
        values: held("e"),
        next: true,
      });
      expect(notANumber.screen).toEqual({ kind: "question", questionId: "q1" });
      expect(notANumber.error).toMatchObject({ questionId: "q1", code: "wrong_type" });
    });

    it("takes over on the question the page's script showed, with its answers and the error it showed", () => {
      const def = twoQuestions({ kind: "single", options });
      const values = new Map([
        ["q1", { values: ["a"], unreadable: false }],
        ["q2", { values: [], unreadable: false }],
      ]);
      expect(startFrom(def, { started: true, at: "q2", values })).toEqual({
        screen: { kind: "question", questionId: "q2" },
        answers: { q1: "a" },
      });
      // Next kept for the app on the last question: the review, as the app's Next would have.
      expect(startFrom(def, { started: true, at: "q2", values, next: true }).screen).toEqual({
        kind: "review",
      });
      const blank = startFrom(def, { started: true, at: "q1", values: held(), erred: true });
      expect(blank.screen).toEqual({ kind: "question", questionId: "q1" });
      expect(blank.error).toMatchObject({ questionId: "q1", code: "required" });
      // A number field holding what reads as no number, which the browser reports empty.
      const unreadable = startFrom(twoQuestions({ kind: "number" }), {
        started: true,
        at: "q1",
        values: new Map([["q1", { values: [""], unreadable: true }]]),
        erred: true,
      });
      expect(unreadable.error).toMatchObject({ questionId: "q1", code: "wrong_type" });
    });

    it("starts on the first question where the one the script showed is no longer shown", () => {
      const def = SurveyDefinition.parse({
        ...twoQuestions({ kind: "single", options }),
        questions: [
          { id: "q1", kind: "single", options, label: L("一") },
          { id: "q2", kind: "single", options, label: L("二"), showIf: { questionId: "q1", anyOf: ["a"] } },
        ],
      });
      expect(startFrom(def, { started: true, at: "q2", values: held("b") }).screen).toEqual({
        kind: "question",
        questionId: "q1",
      });
    });

    it("does nothing more where Start was not pressed", () => {
      expect(
        startFrom(twoQuestions({ kind: "single", options }), {
          started: false,
          values: held("a"),
          next: true,
        }).screen,
      ).toEqual({
        kind: "intro",
      });
    });
  });
});

// The page's one script is bundled on its own (first-screens-plugin.ts) and imports the markup's
// names; the draft's mark it names itself: device/drafts.ts would bring the outbox along.
describe("first-screen-boot.ts", () => {
  it("marks <html> with a kept draft as the stylesheet reads it", () => {
    expect(readFileSync("src/app/styles.css", "utf8")).toContain(`[${DRAFT_ATTRIBUTE}]`);
  });

  it("marks the period by the names the stylesheet uses", () => {
    const css = readFileSync("src/app/styles.css", "utf8");
    expect(css).toContain(
      `[${PERIOD_ATTRIBUTE}="before"] [${FIRST_SCREEN_ATTRIBUTE}] .intro__period--before`,
    );
    expect(css).toContain(
      `[${PERIOD_ATTRIBUTE}="closed"] [${FIRST_SCREEN_ATTRIBUTE}] .intro__period--closed`,
    );
  });
});
