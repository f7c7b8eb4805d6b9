import { describe, expect, it } from "vitest";
import { hiddenGroupsOfIndicators } from "../../src/domain/breakdown";
import { mergeWaves } from "../../src/domain/wave-merge";

/** group key → option → responses, one wave's table. */
const table = (entries: [string, Record<string, number>][]) => new Map(entries);

describe("mergeWaves", () => {
  it("sums each group's options over the waves, keeping groups and options seen in one wave only", () => {
    const merged = mergeWaves([
      table([
        ["north", { yes: 2, no: 1 }],
        ["south", { yes: 1 }],
      ]),
      table([
        ["north", { yes: 3, dk: 1 }],
        ["west", { no: 4 }],
      ]),
    ]);
    expect([...merged]).toEqual([
      ["north", { yes: 5, no: 1, dk: 1 }],
      ["south", { yes: 1 }],
      ["west", { no: 4 }],
    ]);
  });

  it("leaves the tables it reads unchanged", () => {
    const first = table([["north", { yes: 2 }]]);
    mergeWaves([first, table([["north", { yes: 3 }]])]);
    expect(first.get("north")).toEqual({ yes: 2 });
  });
});

describe("hiddenGroupsOfIndicators", () => {
  const indicator = { questionId: "q1", positive: ["yes"], excludeFromBase: [] };

  it("hides per wave what each wave's breakdown hides, and over the waves what any of them hides", () => {
    const byQuestion = new Map([
      [
        "q1",
        new Map([
          [
            2024,
            table([
              ["e1", { yes: 1, no: 1 }],
              ["e2", { yes: 5, no: 5 }],
              ["e3", { yes: 6, no: 6 }],
            ]),
          ],
          [
            2025,
            table([
              ["e1", { yes: 5, no: 5 }],
              ["e2", { yes: 5, no: 5 }],
              ["e3", { yes: 5, no: 5 }],
            ]),
          ],
        ]),
      ],
    ]);
    const hidden = hiddenGroupsOfIndicators([indicator], byQuestion, 5);
    expect([...(hidden.perWave.get(2024) ?? [])].sort()).toEqual(["e1", "e2"]);
    expect([...(hidden.perWave.get(2025) ?? [])]).toEqual([]);
    // e1 is 12 over both waves, but hidden in 2024 it stays hidden: all − 2025 would give it back.
    expect([...hidden.all].sort()).toEqual(["e1", "e2"]);
  });
});
