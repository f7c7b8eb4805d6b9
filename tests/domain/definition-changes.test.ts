import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DefinitionChanges } from "../../src/contract/versions";
import { type Question, SurveyDefinition } from "../../src/domain/definition";
import { definitionChanges } from "../../src/domain/definition-changes";

const shownIfYes = { questionId: "q_a", anyOf: ["yes"] };
const target70 = { op: ">=", value: 70 } as const;
const text = (s: string) => ({ ja: s, en: `${s} (en)` });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: text(id) }));

/** Questions of every kind, one behind skip logic, two indicators: each test changes one thing. */
const previous = SurveyDefinition.parse({
  id: "test-survey",
  version: 1,
  title: text("調査"),
  description: text("説明"),
  locales: ["ja", "en"],
  questions: [
    { id: "q_a", kind: "single", label: text("A"), options: options("yes", "no", "dont_know") },
    { id: "q_b", kind: "multiple", label: text("B"), options: options("x", "y", "z"), exclusive: ["z"] },
    { id: "q_c", kind: "text", label: text("C"), maxLength: 200 },
    { id: "q_d", kind: "number", label: text("D"), min: 0, max: 120, unit: text("歳") },
    {
      id: "q_e",
      kind: "single",
      label: text("E"),
      help: text("E help"),
      options: options("yes", "no"),
      showIf: shownIfYes,
    },
  ],
  indicators: [
    {
      id: "ind_a",
      label: text("指標A"),
      questionId: "q_a",
      positive: ["yes"],
      excludeFromBase: ["dont_know"],
      target: target70,
    },
    { id: "ind_e", label: text("指標E"), questionId: "q_e", positive: ["yes"] },
  ],
});
type Definition = typeof previous;

/** The changes from `previous` to a copy edited by `edit`, the copy checked by the schema first. */
function changesWhen(edit: (def: Definition) => void) {
  const next = structuredClone(previous);
  edit(next);
  const changes = definitionChanges(previous, SurveyDefinition.parse(next));
  DefinitionChanges.parse(changes);
  return changes;
}

function question<K extends Question["kind"]>(def: Definition, id: string, kind: K) {
  const q = def.questions.find((q) => q.id === id);
  if (q?.kind !== kind) throw new Error(`no ${kind} question ${id}`);
  return q as Extract<Question, { kind: K }>;
}

function indicator(def: Definition, id: string) {
  return def.indicators.find((i) => i.id === id) ?? expect.fail(`no indicator ${id}`);
}

describe("definitionChanges: settings", () => {
  it("finds none between the shipped survey and itself", () => {
    const file = join(import.meta.dirname, "..", "..", "surveys", "ward-resident.json");
    const shipped = SurveyDefinition.parse(JSON.parse(readFileSync(file, "utf8")));
    expect(definitionChanges(shipped, structuredClone(shipped))).toEqual([]);
  });

  it("names the locales whose title or description changed", () => {
    expect(
      changesWhen((d) => {
        d.title.en = "Survey";
        d.description = { ja: "新しい説明", en: "New description" };
      }),
    ).toEqual([
      { kind: "title_changed", locales: ["en"] },
      { kind: "description_changed", locales: ["ja", "en"] },
    ]);
  });

  it("reports a contact added in every locale it has", () => {
    expect(changesWhen((d) => (d.contact = text("区役所")))).toEqual([
      { kind: "contact_changed", locales: ["ja", "en"] },
    ]);
  });

  it("reports the answer period set and moved", () => {
    expect(
      changesWhen((d) => {
        d.opens = "2026-06-01";
        d.closes = "2026-06-30";
      }),
    ).toEqual([
      { kind: "opens_changed", from: null, to: "2026-06-01" },
      { kind: "closes_changed", from: null, to: "2026-06-30" },
    ]);
  });

  it("reports locales removed and added", () => {
    expect(changesWhen((d) => (d.locales = ["ja"]))).toEqual([{ kind: "locale_removed", locale: "en" }]);
    const jaOnly = SurveyDefinition.parse({ ...previous, locales: ["ja"] });
    expect(definitionChanges(jaOnly, previous)).toEqual([{ kind: "locale_added", locale: "en" }]);
  });

  it("reports the minimum cell", () => {
    expect(changesWhen((d) => (d.minCell = 20))).toEqual([{ kind: "min_cell_changed", from: 10, to: 20 }]);
  });
});

describe("definitionChanges: questions", () => {
  it("puts an added question where it stands", () => {
    const added = { ...question(previous, "q_c", "text"), id: "q_new" };
    expect(changesWhen((d) => d.questions.splice(1, 0, added))).toEqual([
      { kind: "question_added", questionId: "q_new" },
    ]);
  });

  it("puts a removed question where it stood, among the others' changes", () => {
    expect(
      changesWhen((d) => {
        d.questions.splice(2, 1);
        question(d, "q_b", "multiple").required = true;
        question(d, "q_d", "number").required = true;
      }),
    ).toEqual([
      { kind: "question_required_changed", questionId: "q_b", from: false, to: true },
      { kind: "question_removed", questionId: "q_c" },
      { kind: "question_required_changed", questionId: "q_d", from: false, to: true },
    ]);
  });

  it("reads one question dragged up as one move", () => {
    expect(changesWhen((d) => d.questions.splice(0, 0, ...d.questions.splice(3, 1)))).toEqual([
      { kind: "question_moved", questionId: "q_d", after: null },
    ]);
  });

  it("names the locales of help added and of a label reworded", () => {
    expect(
      changesWhen((d) => {
        question(d, "q_a", "single").help = text("ヘルプ");
        question(d, "q_e", "single").label.en = "E, reworded";
      }),
    ).toEqual([
      { kind: "question_reworded", questionId: "q_a", label: [], help: ["ja", "en"] },
      { kind: "question_reworded", questionId: "q_e", label: ["en"], help: [] },
    ]);
  });

  it("names the locales of a short label given or reworded, on a question and an indicator", () => {
    expect(
      changesWhen((d) => {
        question(d, "q_a", "single").shortLabel = text("A");
        indicator(d, "ind_e").shortLabel = text("E");
      }),
    ).toEqual([
      { kind: "question_short_label_changed", questionId: "q_a", locales: ["ja", "en"] },
      { kind: "indicator_short_label_changed", indicatorId: "ind_e", locales: ["ja", "en"] },
    ]);
  });

  it("reports a kind changed and still compares the options", () => {
    expect(
      changesWhen((d) => {
        const b = question(d, "q_b", "multiple");
        d.questions[1] = { ...b, kind: "single", options: options("x", "y") };
      }),
    ).toEqual([
      { kind: "question_kind_changed", questionId: "q_b", from: "multiple", to: "single" },
      { kind: "options_removed", questionId: "q_b", optionIds: ["z"] },
    ]);
  });

  it("reports skip logic changed and removed", () => {
    expect(changesWhen((d) => (question(d, "q_e", "single").showIf = undefined))).toEqual([
      { kind: "skip_logic_changed", questionId: "q_e", from: shownIfYes, to: null },
    ]);
    expect(changesWhen((d) => question(d, "q_e", "single").showIf?.anyOf.push("no"))).toEqual([
      {
        kind: "skip_logic_changed",
        questionId: "q_e",
        from: shownIfYes,
        to: { ...shownIfYes, anyOf: ["yes", "no"] },
      },
    ]);
  });

  it("reports options added and removed", () => {
    expect(
      changesWhen((d) => {
        const a = question(d, "q_a", "single");
        a.options = [...options("yes", "rather_yes"), ...a.options.slice(2)];
      }),
    ).toEqual([
      { kind: "options_added", questionId: "q_a", optionIds: ["rather_yes"] },
      { kind: "options_removed", questionId: "q_a", optionIds: ["no"] },
    ]);
  });

  it("names the locales of a relabelled option", () => {
    expect(
      changesWhen(
        (d) => (question(d, "q_b", "multiple").options[1] = { id: "y", label: { ja: "ワイ", en: "y (en)" } }),
      ),
    ).toEqual([{ kind: "option_relabelled", questionId: "q_b", optionId: "y", locales: ["ja"] }]);
  });

  it("reports options reordered", () => {
    expect(changesWhen((d) => question(d, "q_a", "single").options.reverse())).toEqual([
      { kind: "options_reordered", questionId: "q_a" },
    ]);
  });

  it("reports the exclusive options changed", () => {
    expect(changesWhen((d) => (question(d, "q_b", "multiple").exclusive = []))).toEqual([
      { kind: "exclusive_changed", questionId: "q_b", from: ["z"], to: [] },
    ]);
  });

  it("reports each number limit and the unit's wording", () => {
    const from = { min: 0, max: 120, integer: true };
    for (const to of [
      { ...from, min: 1 },
      { ...from, max: null },
      { ...from, integer: false },
    ])
      expect(
        changesWhen((d) => Object.assign(question(d, "q_d", "number"), to, { max: to.max ?? undefined })),
      ).toEqual([{ kind: "number_limits_changed", questionId: "q_d", from, to }]);
    expect(changesWhen((d) => (question(d, "q_d", "number").unit = { ja: "歳", en: "years" }))).toEqual([
      { kind: "unit_reworded", questionId: "q_d", locales: ["en"] },
    ]);
  });

  it("reports text limits", () => {
    const from = { maxLength: 200, multiline: false };
    expect(changesWhen((d) => (question(d, "q_c", "text").multiline = true))).toEqual([
      { kind: "text_limits_changed", questionId: "q_c", from, to: { ...from, multiline: true } },
    ]);
  });
});

describe("definitionChanges: indicators", () => {
  it("reports indicators added, removed and moved", () => {
    expect(changesWhen((d) => d.indicators.reverse())).toEqual([
      { kind: "indicator_moved", indicatorId: "ind_a", after: "ind_e" },
    ]);
    expect(
      changesWhen((d) => {
        d.indicators[0] = { ...indicator(d, "ind_a"), id: "ind_a2" };
      }),
    ).toEqual([
      { kind: "indicator_removed", indicatorId: "ind_a" },
      { kind: "indicator_added", indicatorId: "ind_a2" },
    ]);
  });

  it("names the locales of a relabelled indicator", () => {
    expect(changesWhen((d) => (indicator(d, "ind_e").label.en = "E, renamed"))).toEqual([
      { kind: "indicator_relabelled", indicatorId: "ind_e", locales: ["en"] },
    ]);
  });

  it("reports an indicator moved to another question", () => {
    expect(
      changesWhen((d) => {
        indicator(d, "ind_a").questionId = "q_e";
        indicator(d, "ind_a").excludeFromBase = [];
      }),
    ).toEqual([
      { kind: "indicator_question_changed", indicatorId: "ind_a", from: "q_a", to: "q_e" },
      { kind: "indicator_excluded_changed", indicatorId: "ind_a", from: ["dont_know"], to: [] },
    ]);
  });

  it("reports positive and excluded options changed, not reordered", () => {
    expect(
      changesWhen((d) => {
        indicator(d, "ind_a").positive = ["yes", "no"];
        indicator(d, "ind_a").excludeFromBase = [];
      }),
    ).toEqual([
      { kind: "indicator_positive_changed", indicatorId: "ind_a", from: ["yes"], to: ["yes", "no"] },
      { kind: "indicator_excluded_changed", indicatorId: "ind_a", from: ["dont_know"], to: [] },
    ]);
    const both = structuredClone(previous);
    indicator(both, "ind_a").positive = ["yes", "no"];
    const reordered = structuredClone(both);
    indicator(reordered, "ind_a").positive = ["no", "yes"];
    expect(definitionChanges(both, reordered)).toEqual([]);
  });

  it("reports a target changed and dropped", () => {
    expect(changesWhen((d) => (indicator(d, "ind_a").target = { op: ">=", value: 75 }))).toEqual([
      {
        kind: "indicator_target_changed",
        indicatorId: "ind_a",
        from: target70,
        to: { ...target70, value: 75 },
      },
    ]);
    expect(changesWhen((d) => (indicator(d, "ind_a").target = undefined))).toEqual([
      { kind: "indicator_target_changed", indicatorId: "ind_a", from: target70, to: null },
    ]);
  });
});
