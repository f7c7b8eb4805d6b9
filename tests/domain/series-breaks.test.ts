import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ChoiceQuestion, SurveyDefinition } from "../../src/domain/definition";
import { seriesBreaks } from "../../src/domain/series-breaks";

const text = (s: string) => ({ ja: s, en: `${s} (en)` });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: text(id) }));

/** Two indicator questions and one indicator on each: each test changes one thing. */
const previous = SurveyDefinition.parse({
  id: "test-survey",
  version: 1,
  title: text("調査"),
  description: text("説明"),
  locales: ["ja", "en"],
  questions: [
    { id: "q_a", kind: "single", label: text("A"), options: options("yes", "no", "dont_know") },
    { id: "q_b", kind: "single", label: text("B"), options: options("yes", "no", "dont_know") },
  ],
  indicators: [
    {
      id: "ind_a",
      label: text("指標A"),
      questionId: "q_a",
      positive: ["yes"],
      excludeFromBase: ["dont_know"],
      target: { op: ">=", value: 70 },
    },
    { id: "ind_b", label: text("指標B"), questionId: "q_b", positive: ["yes"] },
  ],
});
type Definition = typeof previous;

/** The series breaks from `previous` to a copy edited by `edit`, the copy checked by the schema first. */
function breaksWhen(edit: (def: Definition) => void) {
  const next = structuredClone(previous);
  edit(next);
  return seriesBreaks(previous, SurveyDefinition.parse(next));
}

const question = (def: Definition, id: string) =>
  (def.questions.find((q) => q.id === id) as ChoiceQuestion | undefined) ?? expect.fail(`no question ${id}`);
const indicator = (def: Definition, id: string) =>
  def.indicators.find((i) => i.id === id) ?? expect.fail(`no indicator ${id}`);
const unbroken = { indicatorId: "ind_b", breaks: false, reasons: [] };

describe("seriesBreaks", () => {
  it("breaks nothing between the shipped survey and itself", () => {
    const file = join(import.meta.dirname, "..", "..", "surveys", "ward-resident.json");
    const shipped = SurveyDefinition.parse(JSON.parse(readFileSync(file, "utf8")));
    const breaks = seriesBreaks(shipped, structuredClone(shipped));
    expect(breaks.map((b) => b.indicatorId)).toEqual(shipped.indicators.map((i) => i.id));
    expect(breaks.filter((b) => b.breaks || b.reasons.length > 0)).toEqual([]);
  });

  it("does not break on wording, option labels or order, a target, or positive options reordered", () => {
    const breaks = breaksWhen((d) => {
      question(d, "q_a").label.en = "A, reworded";
      question(d, "q_a").options.reverse();
      question(d, "q_a").options[0] = { id: "dont_know", label: { ja: "不明", en: "Unknown" } };
      indicator(d, "ind_a").label.en = "A, renamed";
      indicator(d, "ind_a").target = { op: ">=", value: 80 };
    });
    expect(breaks).toEqual([{ indicatorId: "ind_a", breaks: false, reasons: [] }, unbroken]);
    const both = structuredClone(previous);
    indicator(both, "ind_b").positive = ["yes", "no"];
    const reordered = structuredClone(both);
    indicator(reordered, "ind_b").positive = ["no", "yes"];
    expect(seriesBreaks(both, reordered)).toContainEqual(unbroken);
  });

  it("breaks when the indicator's question changes", () => {
    expect(breaksWhen((d) => (indicator(d, "ind_a").questionId = "q_b"))).toEqual([
      {
        indicatorId: "ind_a",
        breaks: true,
        reasons: [{ reason: "question_changed", from: "q_a", to: "q_b" }],
      },
      unbroken,
    ]);
  });

  it("breaks when an option is added to the question", () => {
    expect(breaksWhen((d) => question(d, "q_b").options.splice(1, 0, ...options("rather_yes")))).toEqual([
      { indicatorId: "ind_a", breaks: false, reasons: [] },
      {
        indicatorId: "ind_b",
        breaks: true,
        reasons: [{ reason: "options_changed", questionId: "q_b", added: ["rather_yes"], removed: [] }],
      },
    ]);
  });

  it("breaks when an option is removed from the question", () => {
    expect(breaksWhen((d) => question(d, "q_a").options.splice(1, 1))).toEqual([
      {
        indicatorId: "ind_a",
        breaks: true,
        reasons: [{ reason: "options_changed", questionId: "q_a", added: [], removed: ["no"] }],
      },
      unbroken,
    ]);
  });

  it("breaks when the positive options change", () => {
    expect(breaksWhen((d) => (indicator(d, "ind_a").positive = ["yes", "no"]))).toEqual([
      {
        indicatorId: "ind_a",
        breaks: true,
        reasons: [{ reason: "positive_changed", from: ["yes"], to: ["yes", "no"] }],
      },
      unbroken,
    ]);
  });

  it("breaks when the options excluded from the base change", () => {
    expect(breaksWhen((d) => (indicator(d, "ind_a").excludeFromBase = []))).toEqual([
      {
        indicatorId: "ind_a",
        breaks: true,
        reasons: [{ reason: "excluded_changed", from: ["dont_know"], to: [] }],
      },
      unbroken,
    ]);
  });

  it("lists every reason at once", () => {
    const [a] = breaksWhen((d) => {
      question(d, "q_a").options.push(...options("maybe"));
      indicator(d, "ind_a").positive = ["yes", "maybe"];
      indicator(d, "ind_a").excludeFromBase = ["no"];
    });
    expect(a?.reasons.map((r) => r.reason)).toEqual([
      "options_changed",
      "positive_changed",
      "excluded_changed",
    ]);
  });

  it("leaves out indicators added or removed, in the next version's order", () => {
    const breaks = breaksWhen((d) => {
      d.indicators = [{ ...indicator(d, "ind_a"), id: "ind_new" }, indicator(d, "ind_b")];
    });
    expect(breaks).toEqual([unbroken]);
  });
});
