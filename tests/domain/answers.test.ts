import { describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../src/domain/definition";
import type { Answers, Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { validateAnswers, validateResponse } from "../../src/domain/validate";
import { visibleAnswers, visibleQuestions } from "../../src/domain/visibility";

const t = (s: string) => ({ ja: s });
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: t(id) }));

/** q_pet → (dog|cat) q_kind → (dog) q_walks, (dog) q_breed: a chain two levels deep. */
const def = SurveyDefinition.parse({
  id: "skip-test",
  version: 2,
  title: t("t"),
  description: t("d"),
  locales: ["ja"],
  questions: [
    { id: "q_pet", kind: "single", label: t("pet?"), required: true, options: opts("yes", "no") },
    {
      id: "q_kind",
      kind: "multiple",
      label: t("which?"),
      required: true,
      showIf: { questionId: "q_pet", anyOf: ["yes"] },
      options: opts("dog", "cat", "none"),
      exclusive: ["none"],
    },
    {
      id: "q_walks",
      kind: "number",
      label: t("walks a day"),
      required: true,
      showIf: { questionId: "q_kind", anyOf: ["dog"] },
      min: 0,
      max: 10,
    },
    {
      id: "q_breed",
      kind: "text",
      label: t("breed"),
      showIf: { questionId: "q_kind", anyOf: ["dog", "cat"] },
      maxLength: 5,
    },
    { id: "q_height", kind: "number", label: t("height"), integer: false, min: 50.5, max: 250 },
    { id: "q_note", kind: "text", label: t("note"), maxLength: 3, multiline: true },
  ],
});

const shown = (answers: Answers) => visibleQuestions(def, answers).map((q) => q.id);
const codes = (answers: Answers) => validateAnswers(def, answers).map((e) => [e.questionId, e.code]);

describe("visibleQuestions (skip logic)", () => {
  it("hides follow-ups until their condition is met", () => {
    expect(shown({})).toEqual(["q_pet", "q_height", "q_note"]);
    expect(shown({ q_pet: "no" })).toEqual(["q_pet", "q_height", "q_note"]);
    expect(shown({ q_pet: "yes" })).toEqual(["q_pet", "q_kind", "q_height", "q_note"]);
  });

  it("matches a multiple-choice condition on any chosen option", () => {
    expect(shown({ q_pet: "yes", q_kind: ["cat"] })).toEqual([
      "q_pet",
      "q_kind",
      "q_breed",
      "q_height",
      "q_note",
    ]);
    expect(shown({ q_pet: "yes", q_kind: ["cat", "dog"] })).toEqual([
      "q_pet",
      "q_kind",
      "q_walks",
      "q_breed",
      "q_height",
      "q_note",
    ]);
  });

  it("hides the whole chain when an earlier answer changes", () => {
    // "Back" to q_pet and answer no: q_kind still holds ["dog"], but q_kind is hidden, so q_walks is too.
    expect(shown({ q_pet: "no", q_kind: ["dog"], q_walks: 2 })).toEqual(["q_pet", "q_height", "q_note"]);
  });

  it("never opens a follow-up from an answer of the wrong shape", () => {
    expect(shown({ q_pet: ["yes"] })).toEqual(["q_pet", "q_height", "q_note"]);
    expect(shown({ q_pet: "yes", q_kind: "dog" })).not.toContain("q_walks");
    expect(shown({ q_pet: "yes", q_kind: 1 })).not.toContain("q_walks");
  });

  it("visibleAnswers drops stale and blank answers", () => {
    expect(
      visibleAnswers(def, { q_pet: "no", q_kind: ["dog"], q_walks: 2, q_note: "  ", q_height: 170 }),
    ).toEqual({
      q_pet: "no",
      q_height: 170,
    });
  });
});

describe("validateAnswers", () => {
  it("accepts a complete answer set", () => {
    expect(codes({ q_pet: "yes", q_kind: ["dog"], q_walks: 3, q_breed: "shiba", q_height: 160.5 })).toEqual(
      [],
    );
  });

  it("rejects a stale answer to a now-hidden question as not_shown", () => {
    const errors = validateAnswers(def, { q_pet: "no", q_kind: ["dog"], q_walks: 2 });
    expect(errors).toEqual([
      {
        questionId: "q_kind",
        code: "not_shown",
        path: "answers.q_kind",
        message: "answers a question the respondent was not shown",
      },
      {
        questionId: "q_walks",
        code: "not_shown",
        path: "answers.q_walks",
        message: "answers a question the respondent was not shown",
      },
    ]);
  });

  it("requires only the required questions that are shown", () => {
    expect(codes({})).toEqual([["q_pet", "required"]]);
    expect(codes({ q_pet: "yes" })).toEqual([["q_kind", "required"]]);
    expect(codes({ q_pet: "yes", q_kind: [] })).toEqual([["q_kind", "required"]]);
    expect(codes({ q_pet: "yes", q_kind: ["dog"] })).toEqual([["q_walks", "required"]]);
    expect(codes({ q_pet: "   " })).toEqual([["q_pet", "required"]]);
  });

  it("names an unknown question", () => {
    expect(codes({ q_pet: "no", q_colour: "red" })).toEqual([["q_colour", "unknown_question"]]);
  });

  it("checks single choice: type and option", () => {
    expect(codes({ q_pet: ["yes"] })).toEqual([["q_pet", "wrong_type"]]);
    expect(codes({ q_pet: 1 })).toEqual([["q_pet", "wrong_type"]]);
    expect(codes({ q_pet: "maybe" })).toEqual([["q_pet", "unknown_option"]]);
  });

  it("checks multiple choice: type, option, duplicates and exclusive options", () => {
    const base = { q_pet: "yes" };
    expect(codes({ ...base, q_kind: "dog" })).toEqual([["q_kind", "wrong_type"]]);
    expect(codes({ ...base, q_kind: ["cat", "fish"] })).toEqual([["q_kind", "unknown_option"]]);
    expect(codes({ ...base, q_kind: ["cat", "cat"] })).toEqual([["q_kind", "duplicate_option"]]);
    expect(codes({ ...base, q_kind: ["none", "cat"] })).toEqual([["q_kind", "exclusive_option"]]);
    expect(codes({ ...base, q_kind: ["none"] })).toEqual([]);
  });

  it("checks text: type, length in characters, control characters", () => {
    expect(codes({ q_pet: "no", q_note: 3 })).toEqual([["q_note", "wrong_type"]]);
    expect(codes({ q_pet: "no", q_note: "abcd" })).toEqual([["q_note", "too_long"]]);
    // Three characters, six UTF-16 units: counted as characters, so not too long.
    expect(codes({ q_pet: "no", q_note: "🐕🐈🐟" })).toEqual([]);
    expect(codes({ q_pet: "no", q_note: "a\nb" })).toEqual([]);
    expect(codes({ q_pet: "no", q_note: "a\tb" })).toEqual([]);
    expect(codes({ q_pet: "no", q_note: "a\u0000" })).toEqual([["q_note", "control_character"]]);
    expect(codes({ q_pet: "no", q_note: "\u001b[" })).toEqual([["q_note", "control_character"]]);
  });

  it("checks numbers: type, whole numbers, bounds inclusive", () => {
    const yes = { q_pet: "yes", q_kind: ["dog"] };
    expect(codes({ ...yes, q_walks: "3" })).toEqual([["q_walks", "wrong_type"]]);
    expect(codes({ ...yes, q_walks: Number.NaN })).toEqual([["q_walks", "wrong_type"]]);
    expect(codes({ ...yes, q_walks: 2.5 })).toEqual([["q_walks", "not_integer"]]);
    expect(codes({ ...yes, q_walks: -1 })).toEqual([["q_walks", "below_min"]]);
    expect(codes({ ...yes, q_walks: 11 })).toEqual([["q_walks", "above_max"]]);
    expect(codes({ ...yes, q_walks: 0 })).toEqual([]);
    expect(codes({ ...yes, q_walks: 10 })).toEqual([]);
    expect(codes({ q_pet: "no", q_height: 50.5 })).toEqual([]);
    expect(codes({ q_pet: "no", q_height: 50.4 })).toEqual([["q_height", "below_min"]]);
  });

  it("gives each error a message and its answers path", () => {
    const [e] = validateAnswers(def, { q_pet: "no", q_height: 300 });
    expect(e).toEqual({
      questionId: "q_height",
      code: "above_max",
      path: "answers.q_height",
      message: "must be at most 250",
    });
  });
});

describe("validateResponse", () => {
  const response = (over: Partial<Response> = {}): Response => ({
    id: uuidv7(Date.UTC(2026, 3, 1), (b) => b.fill(7)),
    surveyId: "skip-test",
    surveyVersion: 2,
    submittedAt: "2026-04-01T00:00:00Z",
    locale: "ja",
    mode: "self",
    answers: { q_pet: "no" },
    ...over,
  });

  it("accepts a valid response", () => {
    expect(validateResponse(def, response())).toEqual([]);
  });

  it("names the wrong survey, version and a self response carrying a device", () => {
    expect(
      validateResponse(def, response({ surveyId: "other", surveyVersion: 1 })).map((p) => p.path),
    ).toEqual(["surveyId", "surveyVersion"]);
    expect(validateResponse(def, response({ deviceId: "tablet-1" })).map((p) => p.path)).toEqual(["mode"]);
    expect(validateResponse(def, response({ mode: "kiosk", deviceId: "tablet-1" }))).toEqual([]);
  });

  it("lets a paper keying leave a required question blank, but checks everything else alike", () => {
    const paper = (over: Partial<Response>) => response({ mode: "paper", paperForm: "0001", ...over });
    expect(validateResponse(def, paper({ answers: {} }))).toEqual([]);
    expect(validateResponse(def, paper({ answers: { q_pet: "yes" } }))).toEqual([]);
    // Skip logic and options hold on paper as online: a hidden question's answer is refused.
    expect(validateResponse(def, paper({ answers: { q_pet: "no", q_walks: 2 } })).map((p) => p.path)).toEqual(
      ["answers.q_walks"],
    );
    expect(validateResponse(def, paper({ answers: { q_pet: "maybe" } })).map((p) => p.path)).toEqual([
      "answers.q_pet",
    ]);
  });

  it("asks a paper keying for its form number, and no one else for one", () => {
    expect(validateResponse(def, response({ mode: "paper" })).map((p) => p.path)).toEqual(["paperForm"]);
    expect(validateResponse(def, response({ paperForm: "0001" })).map((p) => p.path)).toEqual(["paperForm"]);
    expect(
      validateResponse(def, response({ mode: "paper", paperForm: "0001", deviceId: "pc-1" })).map(
        (p) => p.path,
      ),
    ).toEqual(["mode"]);
  });

  it("adds the answers' problems after its own", () => {
    expect(validateResponse(def, response({ surveyVersion: 9, answers: {} })).map((p) => p.path)).toEqual([
      "surveyVersion",
      "answers.q_pet",
    ]);
  });
});
