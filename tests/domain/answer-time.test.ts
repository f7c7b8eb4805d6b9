import { describe, expect, it } from "vitest";
import { estimatedMinutes, SECONDS_PER_QUESTION } from "../../src/domain/answer-time";
import type { Question } from "../../src/domain/definition";
import { readSurveyFile } from "../../src/server/surveys";

const label = { ja: "質問" };
const options = [
  { id: "a", label },
  { id: "b", label },
];
const single = (id: string): Question => ({ id, kind: "single", label, required: false, options });
const multiple = (id: string): Question => ({
  id,
  kind: "multiple",
  label,
  required: false,
  options,
  exclusive: [],
});
const text = (id: string, multiline = false): Question => ({
  id,
  kind: "text",
  label,
  required: false,
  maxLength: 400,
  multiline,
});
const number = (id: string): Question => ({ id, kind: "number", label, required: false, integer: true });

describe("the intro's estimated time", () => {
  it("is at least a minute, however short the survey", () => {
    expect(estimatedMinutes({ questions: [single("q_a")] })).toBe(1);
  });

  it("adds each question's allowance and rounds up to whole minutes", () => {
    // 5 × 12 = 60 s is one minute exactly; one more question is a second minute.
    const five = ["q_a", "q_b", "q_c", "q_d", "q_e"].map(single);
    expect(SECONDS_PER_QUESTION.single * 5).toBe(60);
    expect(estimatedMinutes({ questions: five })).toBe(1);
    expect(estimatedMinutes({ questions: [...five, single("q_f")] })).toBe(2);
  });

  it("gives a written answer more time than a tap, and a long one more still", () => {
    const taps = estimatedMinutes({ questions: ["q_a", "q_b", "q_c", "q_d"].map(single) });
    const short = estimatedMinutes({ questions: ["q_a", "q_b", "q_c", "q_d"].map((id) => text(id)) });
    const long = estimatedMinutes({ questions: ["q_a", "q_b", "q_c", "q_d"].map((id) => text(id, true)) });
    expect([taps, short, long]).toEqual([1, 2, 3]);
    expect(estimatedMinutes({ questions: [multiple("q_a"), multiple("q_b"), number("q_c")] })).toBe(1);
  });

  it("counts a question behind a condition, as the intro's 'at most' does", () => {
    const shown = ["q_a", "q_b", "q_c", "q_d", "q_e"].map(single);
    const behind = { ...single("q_f"), showIf: { questionId: "q_a", anyOf: ["a"] } };
    expect(estimatedMinutes({ questions: [...shown, behind] })).toBe(2);
  });

  it("says 4 minutes for the shipped survey's 14 questions (10 single, 2 multiple, a number, a text)", () => {
    const def = readSurveyFile("surveys/ward-resident.json");
    // 10 × 12 + 2 × 20 + 15 + 45 (its free text is multiline) = 220 s.
    expect(def.questions.map((q) => q.kind).join(" ")).toBe(
      "single single single single number single multiple single multiple single single single single text",
    );
    expect(estimatedMinutes(def)).toBe(4);
  });
});
