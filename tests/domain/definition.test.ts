import { describe, expect, it } from "vitest";
import { SurveyDefinition, type SurveyDefinitionInput } from "../../src/domain/definition";
import { type Problem, problemsOf } from "../../src/domain/issues";

const ja = (s: string) => ({ ja: s, en: `${s} (en)` });
const yesNo = [
  { id: "yes", label: ja("はい") },
  { id: "no", label: ja("いいえ") },
  { id: "dont_know", label: ja("わからない") },
];

/** A small valid definition in ja and en; each test breaks one thing. */
function base(): SurveyDefinitionInput {
  return {
    id: "test-survey",
    version: 1,
    title: ja("テスト"),
    description: ja("説明"),
    locales: ["ja", "en"],
    questions: [
      { id: "q_a", kind: "single", label: ja("A"), options: structuredClone(yesNo) },
      {
        id: "q_b",
        kind: "multiple",
        label: ja("B"),
        options: structuredClone(yesNo),
        exclusive: ["dont_know"],
      },
      { id: "q_c", kind: "text", label: ja("C"), maxLength: 10 },
      { id: "q_d", kind: "number", label: ja("D"), min: 0, max: 10 },
    ],
    indicators: [{ id: "ind_a", label: ja("割合"), questionId: "q_a", positive: ["yes"] }],
  };
}

function problems(def: unknown): Problem[] {
  const r = SurveyDefinition.safeParse(def);
  return r.success ? [] : problemsOf(r.error);
}

function withQuestions(edit: (qs: NonNullable<SurveyDefinitionInput["questions"]>) => void) {
  const def = base();
  edit(def.questions);
  return def;
}

describe("SurveyDefinition", () => {
  it("accepts the base definition and fills the defaults", () => {
    const def = SurveyDefinition.parse(base());
    expect(def.minCell).toBe(10);
    expect(def.questions[0]?.required).toBe(false);
    expect(def.indicators[0]?.excludeFromBase).toEqual([]);
    expect(def.questions[3]).toMatchObject({ integer: true });
  });

  it("names a duplicate question id and where it is", () => {
    const def = withQuestions((qs) => {
      qs.push({ id: "q_a", kind: "text", label: ja("again"), maxLength: 5 });
    });
    expect(problems(def)).toEqual([{ path: "questions.4.id", message: 'duplicate question id "q_a"' }]);
  });

  it("names a duplicate option id", () => {
    const def = withQuestions((qs) => {
      const q = qs[0];
      if (q?.kind === "single") q.options.push({ id: "yes", label: ja("また") });
    });
    expect(problems(def)).toEqual([
      { path: "questions.0.options.3.id", message: 'duplicate option id "yes"' },
    ]);
  });

  it("names a duplicate indicator id", () => {
    const def = base();
    def.indicators?.push({ id: "ind_a", label: ja("x"), questionId: "q_a", positive: ["no"] });
    expect(problems(def)).toEqual([{ path: "indicators.1.id", message: 'duplicate indicator id "ind_a"' }]);
  });

  it("refuses showIf pointing at a later question", () => {
    const def = withQuestions((qs) => {
      if (qs[0]) qs[0].showIf = { questionId: "q_b", anyOf: ["yes"] };
    });
    expect(problems(def)).toEqual([
      { path: "questions.0.showIf.questionId", message: '"q_b" is not an earlier question' },
    ]);
  });

  it("refuses showIf pointing at the question itself or at an unknown question", () => {
    const self = withQuestions((qs) => {
      if (qs[1]) qs[1].showIf = { questionId: "q_b", anyOf: ["yes"] };
    });
    expect(problems(self)).toEqual([
      { path: "questions.1.showIf.questionId", message: '"q_b" is not an earlier question' },
    ]);
    const unknown = withQuestions((qs) => {
      if (qs[1]) qs[1].showIf = { questionId: "q_zzz", anyOf: ["yes"] };
    });
    expect(problems(unknown)).toEqual([
      { path: "questions.1.showIf.questionId", message: '"q_zzz" is not an earlier question' },
    ]);
  });

  it("refuses showIf on a non-choice question or an option it does not have", () => {
    const onText = withQuestions((qs) => {
      if (qs[3]) qs[3].showIf = { questionId: "q_c", anyOf: ["yes"] };
    });
    expect(problems(onText)).toEqual([
      { path: "questions.3.showIf.questionId", message: '"q_c" is not a choice question' },
    ]);
    const badOption = withQuestions((qs) => {
      if (qs[1]) qs[1].showIf = { questionId: "q_a", anyOf: ["yes", "maybe"] };
    });
    expect(problems(badOption)).toEqual([
      { path: "questions.1.showIf.anyOf.1", message: '"maybe" is not an option of "q_a"' },
    ]);
  });

  it("refuses an indicator on a non-single question or an unknown question", () => {
    const multiple = base();
    multiple.indicators = [{ id: "ind_b", label: ja("x"), questionId: "q_b", positive: ["yes"] }];
    expect(problems(multiple)).toEqual([
      { path: "indicators.0.questionId", message: '"q_b" is not a single-choice question' },
    ]);
    const unknown = base();
    unknown.indicators = [{ id: "ind_b", label: ja("x"), questionId: "q_nope", positive: ["yes"] }];
    expect(problems(unknown)).toEqual([
      { path: "indicators.0.questionId", message: '"q_nope" is not a question of this survey' },
    ]);
  });

  it("refuses a positive or excluded option that the question does not have", () => {
    const def = base();
    def.indicators = [
      {
        id: "ind_a",
        label: ja("x"),
        questionId: "q_a",
        positive: ["yes", "si"],
        excludeFromBase: ["unknown"],
      },
    ];
    expect(problems(def)).toEqual([
      { path: "indicators.0.positive.1", message: '"si" is not an option of "q_a"' },
      { path: "indicators.0.excludeFromBase.0", message: '"unknown" is not an option of "q_a"' },
    ]);
  });

  it("refuses an option both positive and excluded from the base", () => {
    const def = base();
    def.indicators = [
      { id: "ind_a", label: ja("x"), questionId: "q_a", positive: ["yes"], excludeFromBase: ["yes"] },
    ];
    expect(problems(def)).toEqual([
      { path: "indicators.0.positive", message: '"yes" is both positive and excluded' },
    ]);
  });

  it("names every missing translation with its path and locale", () => {
    const def = withQuestions((qs) => {
      const q = qs[0];
      if (q?.kind === "single" && q.options[1]) q.options[1].label = { ja: "いいえ" };
      const n = qs[3];
      if (n?.kind === "number") n.unit = { ja: "年" };
      if (qs[2]) qs[2].help = { ja: "ヘルプ", ko: "도움말" };
    });
    def.title = { ja: "テスト" };
    expect(problems(def)).toEqual([
      { path: "title", message: "missing the en translation" },
      { path: "questions.0.options.1.label", message: "missing the en translation" },
      { path: "questions.2.help", message: "missing the en translation" },
      { path: "questions.3.unit", message: "missing the en translation" },
    ]);
  });

  // Issue 26, item 4: the flyer prints the answer period, its deadline and the ward's contact.
  it("takes an answer period of Tokyo days and refuses one that closes before it opens, naming closes", () => {
    const period = (opens: string, closes: string) => ({ ...base(), opens, closes });
    expect(SurveyDefinition.parse(period("2026-07-01", "2026-07-31"))).toMatchObject({
      opens: "2026-07-01",
      closes: "2026-07-31",
    });
    // A one-day survey (an event) opens and closes on the same day.
    expect(problems(period("2026-07-01", "2026-07-01"))).toEqual([]);
    expect(problems(period("2026-07-31", "2026-07-01"))).toEqual([
      { path: "closes", message: "2026-07-01 is before opens (2026-07-31)" },
    ]);
    // Across a year's end the days still compare as days.
    expect(problems(period("2026-12-15", "2027-01-15"))).toEqual([]);
    expect(problems(period("2027-01-15", "2026-12-15")).map((p) => p.path)).toEqual(["closes"]);
    // Calendar days only: not a time, not a day that does not exist.
    expect(problems({ ...base(), opens: "2026-07-01T09:00:00+09:00" }).map((p) => p.path)).toEqual(["opens"]);
    expect(problems({ ...base(), closes: "2026-02-30" }).map((p) => p.path)).toEqual(["closes"]);
    // Either may stand alone: the flyer prints what there is.
    expect(problems({ ...base(), closes: "2026-07-31" })).toEqual([]);
  });

  it("takes a contact in every declared language and refuses one missing a translation", () => {
    const contact = { ja: "区役所 総務課\n電話 06-0000-0000", en: "Ward Office\nTel 06-0000-0000" };
    expect(SurveyDefinition.parse({ ...base(), contact }).contact).toEqual(contact);
    expect(problems({ ...base(), contact: { ja: "区役所 総務課" } })).toEqual([
      { path: "contact", message: "missing the en translation" },
    ]);
    expect(problems({ ...base(), contact: { ja: "区役所", en: " " } })).toContainEqual({
      path: "contact.en",
      message: "must not be empty",
    });
    expect(SurveyDefinition.parse(base()).contact).toBeUndefined();
  });

  it("refuses a text without Japanese, a blank text, and locales without ja", () => {
    const noJa = base();
    noJa.title = { en: "Test" };
    expect(problems(noJa)).toContainEqual({ path: "title", message: "needs a Japanese (ja) text" });
    const blank = base();
    blank.description = { ja: "説明", en: "   " };
    expect(problems(blank)).toContainEqual({ path: "description.en", message: "must not be empty" });
    const locales = base();
    locales.locales = ["en"];
    expect(problems(locales)).toEqual([{ path: "locales", message: "must include ja" }]);
  });

  it("refuses a number question whose min is greater than its max", () => {
    const def = withQuestions((qs) => {
      const q = qs[3];
      if (q?.kind === "number") Object.assign(q, { min: 5, max: 4 });
    });
    expect(problems(def)).toEqual([{ path: "questions.3.min", message: "min is greater than max" }]);
    const equal = withQuestions((qs) => {
      const q = qs[3];
      if (q?.kind === "number") Object.assign(q, { min: 4, max: 4 });
    });
    expect(problems(equal)).toEqual([]);
  });

  it("refuses an exclusive option that is not an option", () => {
    const def = withQuestions((qs) => {
      const q = qs[1];
      if (q?.kind === "multiple") q.exclusive = ["none"];
    });
    expect(problems(def)).toEqual([
      { path: "questions.1.exclusive.0", message: '"none" is not an option of "q_b"' },
    ]);
  });

  it("refuses malformed ids and out-of-range targets with their paths", () => {
    const def = base();
    def.id = "Test Survey";
    const q = def.questions[0];
    if (q) q.id = "Q-A";
    const paths = problems(def).map((p) => p.path);
    expect(paths).toContain("id");
    expect(paths).toContain("questions.0.id");
    const target = base();
    if (target.indicators?.[0]) target.indicators[0].target = { op: ">=", value: 120 };
    expect(problems(target).map((p) => p.path)).toEqual(["indicators.0.target.value"]);
  });

  it("refuses an unknown locale and an unknown question kind", () => {
    const def = base() as Record<string, unknown>;
    def.locales = ["ja", "fr"];
    expect(problems(def).map((p) => p.path)).toEqual(["locales.1"]);
    const kind = withQuestions((qs) => {
      (qs[0] as Record<string, unknown>).kind = "ranking";
    });
    expect(problems(kind).map((p) => p.path)).toEqual(["questions.0.kind"]);
  });
});
