import { describe, expect, it } from "vitest";
import { breakdown } from "../../src/domain/breakdown";

const indicator = { positive: ["yes"], excludeFromBase: ["dk"] };
type Groups = Map<string, Record<string, number>>;
const oneWave = (groups: Groups) => new Map([[2025, groups]]);
const shape = (result: ReturnType<typeof breakdown>) => result.map((g) => [g.key, g.suppressed, g.n]);

describe("breakdown", () => {
  it("also hides the smallest shown group when a lone hidden group could be recovered from the total", () => {
    const groups: Groups = new Map<string, Record<string, number>>([
      ["north", { yes: 4, no: 2 }],
      ["east", { yes: 3, no: 2, dk: 4 }],
      ["south", { yes: 1, no: 1 }],
    ]);
    expect(shape(breakdown(indicator, oneWave(groups), 5))).toEqual([
      ["east", true, null],
      ["north", false, 6],
      ["south", true, null],
    ]);
  });

  it("hides a second group even when some respondents have no group: another breakdown can publish them", () => {
    // kiosk − Σ(shown events) gives a lone hidden event back once by=mode publishes the kiosk count,
    // so the responses outside every group never count as the second unknown.
    const groups: Groups = new Map<string, Record<string, number>>([
      ["north", { yes: 4, no: 2 }],
      ["west", { yes: 5, no: 3 }],
      ["south", { yes: 1, no: 1 }],
    ]);
    expect(shape(breakdown(indicator, oneWave(groups), 5))).toEqual([
      ["north", true, null],
      ["south", true, null],
      ["west", false, 8],
    ]);
  });

  it("over several waves gives a group hidden in one wave a complement in the merged table too", () => {
    // Found by tally-properties (seed -851954451): 2025 has kiosk 4 alone (hidden); over all waves
    // kiosk 9 and self 14 are both large, so kiosk was hidden (for 2025's sake) and self shown: a
    // lone hidden group, all − self = kiosk.
    const byWave = new Map<number, Groups>([
      [2024, new Map([["self", { yes: 9 }]])],
      [2025, new Map([["kiosk", { yes: 4 }]])],
      [
        2026,
        new Map([
          ["kiosk", { yes: 5 }],
          ["self", { yes: 5 }],
        ]),
      ],
    ]);
    expect(shape(breakdown(indicator, byWave, 5))).toEqual([
      ["kiosk", true, null],
      ["self", true, null],
    ]);
  });

  it("over several waves hides a group hidden in any wave, so all-waves − one wave cannot give it back", () => {
    // 2024: south has 2 (hidden, with north as its complement). 2025: every group is large.
    // All waves: south 2 + 9 = 11 ≥ 5, but showing it would give 2024's south as 11 − 9.
    const waves = new Map<number, Groups>([
      [
        2024,
        new Map([
          ["north", { yes: 5, no: 1 }],
          ["south", { yes: 1, no: 1 }],
          ["west", { yes: 6, no: 6 }],
        ]),
      ],
      [
        2025,
        new Map([
          ["north", { yes: 5, no: 5 }],
          ["south", { yes: 4, no: 5 }],
          ["west", { yes: 3, no: 7 }],
        ]),
      ],
    ]);
    expect(shape(breakdown(indicator, waves, 5))).toEqual([
      ["north", true, null],
      ["south", true, null],
      ["west", false, 22],
    ]);
    // The single wave alone shows everything.
    expect(shape(breakdown(indicator, new Map([[2025, waves.get(2025) as Groups]]), 5))).toEqual([
      ["north", false, 10],
      ["south", false, 9],
      ["west", false, 10],
    ]);
  });
});
