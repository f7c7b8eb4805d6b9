import { describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../src/domain/definition";
import { breakBetweenWaves } from "../../src/domain/wave-breaks";

const text = (s: string) => ({ ja: s, en: `${s} (en)` });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: text(id) }));

/** Version n of a survey with ind_a on q_a and ind_b on q_b; `edit` changes that version alone. */
function version(n: number, edit: (def: SurveyDefinition) => void = () => {}): SurveyDefinition {
  const def = SurveyDefinition.parse({
    id: "test-survey",
    version: n,
    title: text("調査"),
    description: text("説明"),
    locales: ["ja", "en"],
    questions: [
      { id: "q_a", kind: "single", label: text("A"), options: options("yes", "no", "dont_know") },
      { id: "q_b", kind: "single", label: text("B"), options: options("yes", "no", "dont_know") },
    ],
    indicators: [
      { id: "ind_a", label: text("A"), questionId: "q_a", positive: ["yes"], excludeFromBase: ["dont_know"] },
      { id: "ind_b", label: text("B"), questionId: "q_b", positive: ["yes"] },
    ],
  });
  edit(def);
  return SurveyDefinition.parse(def);
}

const indicator = (def: SurveyDefinition, id: string) => {
  const found = def.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

// v2 counts "no" as positive too for ind_a; v3 also drops "dont_know" from q_a and from ind_a's base.
const v1 = version(1);
const v2 = version(2, (d) => {
  indicator(d, "ind_a").positive = ["yes", "no"];
});
const v3 = version(3, (d) => {
  indicator(d, "ind_a").positive = ["yes", "no"];
  indicator(d, "ind_a").excludeFromBase = [];
  const q = d.questions[0];
  if (q?.kind === "single") q.options = q.options.filter((o) => o.id !== "dont_know");
});
const definitions = new Map([v1, v2, v3].map((d) => [d.version, d]));
const definitionOf = (n: number) => definitions.get(n);
const waves = (entries: [number, number[]][]) => new Map(entries);

describe("breakBetweenWaves", () => {
  it("breaks an indicator whose positive options changed between the waves' versions, not another", () => {
    const answered = waves([
      [2024, [1]],
      [2025, [2]],
    ]);
    expect(breakBetweenWaves("ind_a", 2024, 2025, answered, definitionOf)).toEqual({
      fromWave: 2024,
      reasons: ["positive_changed"],
    });
    expect(breakBetweenWaves("ind_b", 2024, 2025, answered, definitionOf)).toBeNull();
  });

  it("does not break between two waves answered on the same version", () => {
    const answered = waves([
      [2024, [2]],
      [2025, [2]],
    ]);
    expect(breakBetweenWaves("ind_a", 2024, 2025, answered, definitionOf)).toBeNull();
  });

  it("compares every pair when waves mix versions, each reason once in the codes' order", () => {
    // 2025 holds v1 (a device's held answers) and v3: v1 against v3 changes options, positive and base.
    const answered = waves([
      [2024, [1, 2]],
      [2025, [1, 3]],
    ]);
    expect(breakBetweenWaves("ind_a", 2024, 2025, answered, definitionOf)).toEqual({
      fromWave: 2024,
      reasons: ["options_changed", "positive_changed", "excluded_changed"],
    });
  });

  it("has nothing to break for an indicator one version lacks", () => {
    const v4 = version(4, (d) => {
      d.indicators = d.indicators.filter((i) => i.id !== "ind_a");
    });
    const answered = waves([
      [2024, [1]],
      [2025, [4]],
    ]);
    expect(
      breakBetweenWaves("ind_a", 2024, 2025, answered, (n) => (n === 4 ? v4 : definitionOf(n))),
    ).toBeNull();
  });

  it("refuses to guess about a version it has no definition of", () => {
    const answered = waves([
      [2024, [1]],
      [2025, [9]],
    ]);
    expect(() => breakBetweenWaves("ind_a", 2024, 2025, answered, definitionOf)).toThrow(/version 9/);
  });
});
