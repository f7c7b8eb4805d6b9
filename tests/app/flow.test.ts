import { describe, expect, it } from "vitest";
import { demoSurvey } from "../../harness/fixtures/demo-survey";
import { buildResponse } from "../../src/app/device/submit-response";
import {
  errorsOf,
  firstScreen,
  lastScreen,
  nextScreen,
  previousScreen,
  progressOf,
} from "../../src/app/respondent/flow";
import { Response } from "../../src/domain/response";
import { validateResponse } from "../../src/domain/validate";

const def = demoSurvey;

describe("respondent flow", () => {
  it("walks the visible questions, skipping what skip logic hides", () => {
    expect(firstScreen(def, {})).toEqual({ kind: "question", questionId: "q_prep" });
    expect(nextScreen(def, { q_prep: "no" }, "q_prep")).toEqual({ kind: "question", questionId: "q_age" });
    expect(nextScreen(def, { q_prep: "yes" }, "q_prep")).toEqual({ kind: "question", questionId: "q_what" });
    expect(nextScreen(def, {}, "q_comment")).toEqual({ kind: "review" });
    expect(previousScreen(def, { q_prep: "no" }, "q_age")).toEqual({
      kind: "question",
      questionId: "q_prep",
    });
    expect(previousScreen(def, {}, "q_prep")).toEqual({ kind: "intro" });
    expect(lastScreen(def, {})).toEqual({ kind: "question", questionId: "q_comment" });
  });

  it("counts progress among the questions visible now", () => {
    expect(progressOf(def, { q_prep: "no" }, "q_age")).toEqual({ current: 2, total: 3 });
    expect(progressOf(def, { q_prep: "yes" }, "q_age")).toEqual({ current: 3, total: 4 });
  });

  it("refuses next on a blank required question or a number out of range", () => {
    expect(errorsOf(def, {}, "q_prep").map((e) => e.code)).toEqual(["required"]);
    expect(errorsOf(def, { q_prep: "no", q_age: 9 }, "q_age").map((e) => e.code)).toEqual(["below_min"]);
    expect(errorsOf(def, { q_prep: "no" }, "q_age")).toEqual([]);
  });

  it("builds a valid response with only the visible answers", () => {
    const now = new Date("2026-05-01T03:00:00Z");
    const response = buildResponse(def, { q_prep: "no", q_what: ["water"], q_age: 40 }, "en", now);
    expect(response).toMatchObject({
      surveyId: "demo",
      surveyVersion: 2,
      submittedAt: "2026-05-01T03:00:00.000Z",
      locale: "en",
      mode: "self",
      answers: { q_prep: "no", q_age: 40 },
    });
    expect(Response.safeParse(response).success).toBe(true);
    expect(validateResponse(def, response)).toEqual([]);
  });
});
