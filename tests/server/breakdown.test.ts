import { describe, expect, it } from "vitest";
import { breakdown } from "../../src/server/tallies/breakdown";

const indicator = { positive: ["yes"], excludeFromBase: ["dk"] };

describe("breakdown", () => {
  it("also hides the smallest shown group when a lone hidden group could be recovered from the total", () => {
    const groups = new Map<string, Record<string, number>>([
      ["north", { yes: 4, no: 2 }],
      ["east", { yes: 3, no: 2, dk: 4 }],
      ["south", { yes: 1, no: 1 }],
    ]);
    const result = breakdown(indicator, groups, 13, 5);
    expect(result.map((g) => [g.key, g.suppressed, g.n])).toEqual([
      ["east", true, null],
      ["north", false, 6],
      ["south", true, null],
    ]);
  });

  it("needs no second cell when respondents without a group already mask the hidden one", () => {
    const groups = new Map<string, Record<string, number>>([
      ["north", { yes: 4, no: 2 }],
      ["south", { yes: 1, no: 1 }],
    ]);
    const result = breakdown(indicator, groups, 9, 5);
    expect(result.map((g) => [g.key, g.suppressed])).toEqual([
      ["north", false],
      ["south", true],
    ]);
  });
});
