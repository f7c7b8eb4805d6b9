import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceShares } from "../../src/domain/choice-shares";
import { type EventDeviceCount, hiddenEventsAndDevices, suppressedKeys } from "../../src/domain/suppression";
import { changeBetween } from "../../src/domain/trend";
import { cellsMissingPopulation, postStratify } from "../../src/domain/weighting";

const indicator = { positive: ["yes"], excludeFromBase: ["dk"] };

describe("postStratify", () => {
  it("weighs each cell by its population share (hand-computed)", () => {
    // young: 8 of 10 yes (+5 dk, outside the base); old: 12 of 30. Population 600 young, 400 old.
    // Weighted p = 0.6·0.8 + 0.4·0.4 = 0.64. Unweighted would be 20/40 = 50%.
    // n_eff = 1 / (0.6²/10 + 0.4²/30) = 1 / 0.0413333… = 24.1935; Wilson at n_eff: [44.2104, 79.9529].
    const counts = new Map<string, Record<string, number>>([
      ["young", { yes: 8, no: 2, dk: 5 }],
      ["old", { yes: 12, no: 18 }],
    ]);
    const population = new Map([
      ["young", 600],
      ["old", 400],
    ]);
    const e = postStratify(indicator, counts, population);
    expect(e.n).toBe(40);
    expect(e.percent).toBeCloseTo(64, 10);
    expect(e.nEffective).toBeCloseTo(24.1935, 4);
    expect(e.ci95?.[0]).toBeCloseTo(44.2104, 3);
    expect(e.ci95?.[1]).toBeCloseTo(79.9529, 3);
    expect(e.cellsWithoutRespondents).toEqual([]);
  });

  it("names the cells without respondents and spreads their share over the others", () => {
    const counts = new Map([["a", { yes: 3, no: 1 }]]);
    const population = new Map([
      ["a", 100],
      ["b", 300],
      ["c", 50],
    ]);
    const e = postStratify(indicator, counts, population);
    expect(e.cellsWithoutRespondents).toEqual(["b", "c"]);
    expect(e.percent).toBeCloseTo(75, 10);
    expect(e.nEffective).toBeCloseTo(4, 10);
  });

  it("counts the base's respondents in no cell (a blank weighting answer) and in a cell without population", () => {
    // total: 20 yes, 21 no, 3 dk. In cells: a 3/4, b 1/2 (population 0), c 2/5 (not in the file).
    // Blank: base 41 − (4 + 2 + 5) = 30 left out; no population: b's 2 and c's 5.
    const counts = new Map<string, Record<string, number>>([
      ["a", { yes: 3, no: 1 }],
      ["b", { yes: 1, no: 1, dk: 2 }],
      ["c", { yes: 2, no: 3 }],
    ]);
    const population = new Map([
      ["a", 100],
      ["b", 0],
    ]);
    const e = postStratify(indicator, counts, population, { total: { yes: 20, no: 21, dk: 3 } });
    expect(e).toMatchObject({ n: 4, blanks: "exclude", leftOut: { blankAnswer: 30, noPopulation: 7 } });
    expect(e.percent).toBeCloseTo(75, 10);
  });

  it("keeps the blanks at their share of the sample with blanks: keep (hand-computed)", () => {
    // a 3/4 (population 100), b 1/4 (population 300), blank: 2 of 2 yes. Blank share 2/10 = 0.2;
    // a 0.8·0.25 = 0.2, b 0.8·0.75 = 0.6. p = 0.2·0.75 + 0.6·0.25 + 0.2·1 = 0.5;
    // n_eff = 1 / (0.2²/4 + 0.6²/4 + 0.2²/2) = 1 / 0.12 = 8.3333.
    const counts = new Map([
      ["a", { yes: 3, no: 1 }],
      ["b", { yes: 1, no: 3 }],
    ]);
    const population = new Map([
      ["a", 100],
      ["b", 300],
    ]);
    const total = { yes: 6, no: 4 };
    const e = postStratify(indicator, counts, population, { total, blanks: "keep" });
    expect(e).toMatchObject({ n: 10, blanks: "keep", leftOut: { blankAnswer: 0, noPopulation: 0 } });
    expect(e.percent).toBeCloseTo(50, 10);
    expect(e.nEffective).toBeCloseTo(8.3333, 4);
    // exclude: the same counts without the two blanks, which are said to be left out.
    const x = postStratify(indicator, counts, population, { total });
    expect(x).toMatchObject({ n: 8, leftOut: { blankAnswer: 2, noPopulation: 0 } });
    expect(x.percent).toBeCloseTo(37.5, 10);
  });

  it("gives no estimate when no cell has respondents", () => {
    const e = postStratify(indicator, new Map(), new Map([["a", 10]]));
    expect(e).toMatchObject({ n: 0, percent: null, ci95: null, cellsWithoutRespondents: ["a"] });
  });

  it("equals the unweighted share when the sample mirrors the population", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.nat(50)), { minLength: 1, maxLength: 6 }),
        (cells) => {
          const counts = new Map<string, Record<string, number>>();
          const population = new Map<string, number>();
          let n = 0;
          let pos = 0;
          cells.forEach(([size, yesRaw], i) => {
            const yes = Math.min(yesRaw, size);
            counts.set(`c${i}`, { yes, no: size - yes });
            population.set(`c${i}`, size * 7);
            n += size;
            pos += yes;
          });
          const e = postStratify(indicator, counts, population);
          expect(e.percent).toBeCloseTo((pos / n) * 100, 8);
          expect(e.nEffective).toBeCloseTo(n, 6);
        },
      ),
    );
  });
});

describe("cellsMissingPopulation", () => {
  it("names each cell with respondents that is left out or given 0, sorted and once", () => {
    const population = new Map([
      ["a|x", 10],
      ["b|x", 0],
    ]);
    expect(cellsMissingPopulation(["c|y", "a|x", "b|x", "c|y"], population)).toEqual(["b|x", "c|y"]);
    expect(cellsMissingPopulation(["a|x"], population)).toEqual([]);
  });
});

describe("changeBetween", () => {
  it("gives Newcombe's interval of the difference (hand-computed)", () => {
    // 35/50 = 70% → 45/50 = 90%: Wilson [56.2496, 80.8964] and [78.6398, 95.6524];
    // L = 20 − √((90 − 78.6398)² + (80.8964 − 70)²) = 4.2587, U = 20 + √((95.6524 − 90)² + (70 − 56.2496)²) = 34.8668.
    const c = changeBetween({ positive: 35, n: 50 }, { positive: 45, n: 50 });
    expect(c?.points).toBeCloseTo(20, 10);
    expect(c?.ci95[0]).toBeCloseTo(4.2587, 3);
    expect(c?.ci95[1]).toBeCloseTo(34.8668, 3);
    expect(c?.significant).toBe(true);
  });

  it("calls a change within its uncertainty not significant", () => {
    const c = changeBetween({ positive: 35, n: 50 }, { positive: 38, n: 50 });
    expect(c?.ci95[0]).toBeCloseTo(-11.281, 2);
    expect(c?.ci95[1]).toBeCloseTo(22.8289, 2);
    expect(c?.significant).toBe(false);
  });

  it("has no change without both bases", () => {
    expect(changeBetween({ positive: 0, n: 0 }, { positive: 3, n: 5 })).toBeNull();
  });
});

describe("choiceShares", () => {
  it("uses the respondents as the base, not the ticks", () => {
    // 10 respondents ticked 18 boxes: 8 chose paper, 6 web, 4 SNS.
    const shares = choiceShares(
      [{ id: "paper" }, { id: "web" }, { id: "sns" }, { id: "video" }],
      { paper: 8, web: 6, sns: 4 },
      10,
    );
    expect(shares.map((s) => s.percent)).toEqual([80, 60, 40, 0]);
    expect(shares.every((s) => s.n === 10)).toBe(true);
    expect(shares[3]?.ci95?.[0]).toBe(0);
  });
});

describe("suppressedKeys", () => {
  it("hides a second group when one hidden cell could be recovered from the total", () => {
    const groups = [
      { key: "a", n: 4 },
      { key: "b", n: 30 },
      { key: "c", n: 12 },
    ];
    expect([...suppressedKeys(groups, 46, 10)].sort()).toEqual(["a", "c"]);
  });

  it("needs no second group when the non-answerers already mask it", () => {
    const groups = [
      { key: "a", n: 4 },
      { key: "b", n: 30 },
    ];
    expect([...suppressedKeys(groups, 40, 10)]).toEqual(["a"]);
  });

  it("never leaves exactly one unknown cell (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
        fc.nat(20),
        fc.integer({ min: 1, max: 15 }),
        (sizes, extra, minCell) => {
          const groups = sizes.map((n, i) => ({ key: `g${i}`, n }));
          const total = sizes.reduce((a, b) => a + b, 0) + extra;
          const hidden = suppressedKeys(groups, total, minCell);
          for (const g of groups) if (g.n < minCell) expect(hidden.has(g.key)).toBe(true);
          const unknown = hidden.size + (extra > 0 ? 1 : 0);
          // A lone hidden cell is recoverable as total − Σ shown, unless nothing else could be hidden.
          if (hidden.size > 0 && unknown === 1) expect(groups.length).toBe(1);
        },
      ),
    );
  });
});

describe("hiddenEventsAndDevices", () => {
  const none = { perWave: new Map(), all: new Set<string>() };
  const sorted = (h: { events: Set<string>; devices: Set<string> }) => ({
    events: [...h.events].sort(),
    devices: [...h.devices].sort(),
  });
  const wave = (rows: EventDeviceCount[]) => new Map([[2025, rows]]);

  it("hides an event below minCell, the smallest shown as its complement, and their tablets", () => {
    const rows = [
      { eventId: "e1", deviceId: "d1", n: 12 },
      { eventId: "e2", deviceId: "d2", n: 3 },
      { eventId: "e3", deviceId: "d3", n: 8 },
    ];
    expect(sorted(hiddenEventsAndDevices(wave(rows), none, 5))).toEqual({
      events: ["e2", "e3"],
      devices: ["d2", "d3"],
    });
  });

  it("hides what by=event hides though its count of responses is large, with a complement", () => {
    // e3's 8 responses include 4 わからない: by=event hides its base of 4, so /counts hides its 8.
    const rows = [
      { eventId: "e1", deviceId: "d1", n: 12 },
      { eventId: "e2", deviceId: "d2", n: 6 },
      { eventId: "e3", deviceId: "d3", n: 8 },
    ];
    const byEvent = { perWave: new Map([[2025, new Set(["e3"])]]), all: new Set(["e3"]) };
    expect(sorted(hiddenEventsAndDevices(wave(rows), byEvent, 5))).toEqual({
      events: ["e2", "e3"],
      devices: ["d2", "d3"],
    });
  });

  it("hides every tablet of an event when one is small, so the event minus the others gives none back", () => {
    const rows = [
      { eventId: "e1", deviceId: "d1", n: 12 },
      { eventId: "e1", deviceId: "d1b", n: 3 },
      { eventId: "e2", deviceId: "d2", n: 9 },
    ];
    expect(sorted(hiddenEventsAndDevices(wave(rows), none, 5))).toEqual({
      events: [],
      devices: ["d1", "d1b"],
    });
  });

  it("hides over all waves an event hidden in any one, so all − the other wave gives it back to none", () => {
    const byWave = new Map([
      [
        2024,
        [
          { eventId: "e1", deviceId: "d1", n: 10 },
          { eventId: "e2", deviceId: "d2", n: 3 },
          { eventId: "e3", deviceId: "d3", n: 7 },
        ],
      ],
      [
        2025,
        [
          { eventId: "e2", deviceId: "d2", n: 9 },
          { eventId: "e1", deviceId: "d1", n: 9 },
        ],
      ],
    ]);
    expect(sorted(hiddenEventsAndDevices(byWave, none, 5))).toEqual({
      events: ["e2", "e3"],
      devices: ["d2", "d3"],
    });
  });
});
