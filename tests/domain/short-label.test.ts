import { describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../src/domain/definition";
import { describeProblems, problemsOf } from "../../src/domain/issues";
import { localizeShort } from "../../src/domain/locales";

const base = {
  id: "s",
  version: 1,
  title: { ja: "表題", en: "Title" },
  description: { ja: "説明", en: "About" },
  locales: ["ja", "en"],
  questions: [
    {
      id: "q",
      kind: "single",
      label: { ja: "質問", en: "Question" },
      options: [
        { id: "a", label: { ja: "あ", en: "A" } },
        { id: "b", label: { ja: "い", en: "B" } },
      ],
    },
  ],
  indicators: [{ id: "i", label: { ja: "指標", en: "Indicator" }, questionId: "q", positive: ["a"] }],
};

const problems = (input: unknown) => {
  const parsed = SurveyDefinition.safeParse(input);
  return parsed.success ? "" : describeProblems(problemsOf(parsed.error));
};

describe("short labels", () => {
  it("are optional on questions and indicators", () => {
    expect(problems(base)).toBe("");
  });

  it("need every language the survey declares, as the other texts", () => {
    const q = { ...base.questions[0], shortLabel: { ja: "短" } };
    const ind = { ...base.indicators[0], shortLabel: { ja: "短", en: " " } };
    const found = problems({ ...base, questions: [q], indicators: [ind] });
    expect(found).toContain("questions.0.shortLabel");
    expect(found).toContain("indicators.0.shortLabel");
  });

  it("are shown in the locale, else the full label there, else the Japanese", () => {
    const item = { label: { ja: "質問文", en: "The question" }, shortLabel: { ja: "質問", vi: "Câu" } };
    expect(localizeShort(item, "vi")).toBe("Câu");
    expect(localizeShort(item, "en")).toBe("The question");
    expect(localizeShort(item, "ko")).toBe("質問");
    expect(localizeShort({ label: { ja: "質問文" } }, "ko")).toBe("質問文");
  });
});
