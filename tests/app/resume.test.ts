import { describe, expect, it } from "vitest";
import { demoSurvey } from "../../harness/fixtures/demo-survey";
import { draftScreenOf, resumeOf } from "../../src/app/respondent/resume";

const def = demoSurvey;

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
