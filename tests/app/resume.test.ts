import { describe, expect, it } from "vitest";
import { draftScreenOf, resumeOf } from "../../src/app/respondent/resume";
import { SurveyDefinition } from "../../src/domain/definition";

const L = (ja: string) => ({ ja });
const def = SurveyDefinition.parse({
  id: "demo",
  version: 2,
  title: L("試験"),
  description: L("説明"),
  locales: ["ja"],
  questions: [
    {
      id: "q_prep",
      kind: "single",
      required: true,
      label: L("対策"),
      options: [
        { id: "yes", label: L("はい") },
        { id: "no", label: L("いいえ") },
      ],
    },
    {
      id: "q_what",
      kind: "multiple",
      label: L("何を"),
      showIf: { questionId: "q_prep", anyOf: ["yes"] },
      options: [
        { id: "water", label: L("水") },
        { id: "food", label: L("食料") },
      ],
    },
    { id: "q_age", kind: "number", label: L("年齢"), min: 15, max: 120 },
  ],
});

const draft = (screen: { kind: "review" } | { kind: "question"; questionId: string }, version = 2) => ({
  surveyId: "demo",
  surveyVersion: version,
  answers: { q_prep: "yes" },
  screen,
  updatedAt: 1,
});

describe("resuming a draft", () => {
  it("goes back to the same question with the same answers", () => {
    expect(resumeOf(def, draft({ kind: "question", questionId: "q_what" }))).toEqual({
      answers: { q_prep: "yes" },
      screen: { kind: "question", questionId: "q_what" },
    });
    expect(resumeOf(def, draft({ kind: "review" }))?.screen).toEqual({ kind: "review" });
  });

  it("falls back to the first question when the saved one is hidden by the answers", () => {
    const hidden = { ...draft({ kind: "question", questionId: "q_what" }), answers: { q_prep: "no" } };
    expect(resumeOf(def, hidden)?.screen).toEqual({ kind: "question", questionId: "q_prep" });
  });

  it("does not resume a draft of another survey version, an empty one, or none at all", () => {
    expect(resumeOf(def, draft({ kind: "review" }, 1))).toBeUndefined();
    expect(resumeOf(def, { ...draft({ kind: "review" }), surveyId: "other" })).toBeUndefined();
    expect(resumeOf(def, undefined)).toBeUndefined();
    expect(resumeOf(def, { ...draft({ kind: "review" }), answers: {} })).toBeUndefined();
  });

  it("keeps only question and review screens, without the edit-from-review flag", () => {
    expect(draftScreenOf({ kind: "question", questionId: "q_age", fromReview: true })).toEqual({
      kind: "question",
      questionId: "q_age",
    });
    expect(draftScreenOf({ kind: "review" })).toEqual({ kind: "review" });
    expect(draftScreenOf({ kind: "intro" })).toBeUndefined();
    expect(draftScreenOf({ kind: "thanks", responseId: "x" })).toBeUndefined();
  });
});
