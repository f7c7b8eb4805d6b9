import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countOptions,
  estimate,
  groupEstimates,
  type OptionCounts,
  verdict,
  wilson,
  Z95,
} from "../../src/domain/tally";

// The ward's disaster indicator: している positive, わからない outside the base.
const disasterPrep = { positive: ["yes"], excludeFromBase: ["dont_know"] };

describe("estimate", () => {
  it("7 している, 3 していない, 2 わからない, 1 unanswered → n=10, 7 positive, 70% (hand-computed Wilson)", () => {
    const answers = [
      ...Array<string>(7).fill("yes"),
      ...Array<string>(3).fill("no"),
      ...Array<string>(2).fill("dont_know"),
      undefined,
    ];
    const counts = countOptions(answers);
    expect(counts).toEqual({ yes: 7, no: 3, dont_know: 2 });
    const e = estimate(disasterPrep, counts);
    expect(e.n).toBe(10);
    expect(e.positive).toBe(7);
    expect(e.percent).toBe(70);
    // Wilson, p = 0.7, n = 10, z = 1.959964:
    //   z² = 3.841458881296;  z²/n = 0.3841458881296;  denominator 1 + z²/n = 1.3841458881296
    //   centre = (p + z²/2n) / den = (0.7 + 0.1920729440648) / 1.3841458881296 = 0.6444934394
    //   radicand = p(1−p)/n + z²/4n² = 0.021 + 0.0096036472 = 0.0306036472;  √ = 0.1749389814
    //   half = z · 0.1749389814 / den = 0.3428741057 / 1.3841458881 = 0.2477152940
    //   → [0.3967781454, 0.8922087334] = [39.6778 %, 89.2209 %]
    expect(e.ci95?.[0]).toBeCloseTo(39.6778, 4);
    expect(e.ci95?.[1]).toBeCloseTo(89.2209, 4);
  });

  it("0/n is 0% with a lower bound of exactly 0, n/n 100% with an upper bound of exactly 100", () => {
    // 0/10: lo = 0; hi = (z²/n) / (1 + z²/n) = 0.3841458881 / 1.3841458881 = 27.7533 %.
    const none = estimate(disasterPrep, { no: 10 });
    expect(none.percent).toBe(0);
    expect(Object.is(none.ci95?.[0], 0)).toBe(true); // +0, never -0
    expect(none.ci95?.[1]).toBeCloseTo(27.7533, 4);
    // 10/10 mirrors it: [100 − 27.7533, 100]. Unpinned, the formula gave 99.99999999999999.
    const all = estimate(disasterPrep, { yes: 10, dont_know: 4 });
    expect(all.percent).toBe(100);
    expect(all.ci95?.[0]).toBeCloseTo(72.2467, 4);
    expect(all.ci95?.[1]).toBe(100);
  });

  it("gives a null percent and interval for an empty base, also when everyone said わからない", () => {
    expect(estimate(disasterPrep, {})).toEqual({ n: 0, positive: 0, percent: null, ci95: null });
    expect(estimate(disasterPrep, { dont_know: 5 })).toEqual({
      n: 0,
      positive: 0,
      percent: null,
      ci95: null,
    });
  });

  it("sums several positive options (感じる + やや感じる)", () => {
    const infoReach = { positive: ["feel", "somewhat"], excludeFromBase: ["dont_know"] };
    const e = estimate(infoReach, { feel: 3, somewhat: 9, not_really: 6, not_at_all: 2, dont_know: 7 });
    expect([e.n, e.positive, e.percent]).toEqual([20, 12, 60]);
  });

  it("keeps exact shares exact: 57 of 100 is 57, not 56.99999999999999", () => {
    expect(estimate(disasterPrep, { yes: 57, no: 43 }).percent).toBe(57);
    expect(estimate(disasterPrep, { yes: 29, no: 71 }).percent).toBe(29);
  });
});

describe("wilson", () => {
  it("is null for n = 0 and uses z = 1.959964", () => {
    expect(wilson(0, 0)).toBeNull();
    expect(Z95).toBe(1.959964);
  });

  it("matches the hand computation for 6/10", () => {
    // centre = (0.6 + 0.1920729441) / 1.3841458881 = 0.5722467197;
    // half = z·√(0.024 + 0.0096036472) / den = 1.959964 · 0.1833131 / 1.3841458881 = 0.2595729518
    // → [31.2674, 83.1820]
    const [lo, hi] = wilson(6, 10) ?? [Number.NaN, Number.NaN];
    expect(lo).toBeCloseTo(31.2674, 4);
    expect(hi).toBeCloseTo(83.182, 4);
  });

  it("narrows as n grows", () => {
    const width = (k: number, n: number) => {
      const ci = wilson(k, n);
      return ci ? ci[1] - ci[0] : Number.NaN;
    };
    expect(width(70, 100)).toBeLessThan(width(7, 10));
    expect(width(700, 1000)).toBeLessThan(width(70, 100));
  });
});

describe("estimate and wilson properties", () => {
  const counts = fc
    .integer({ min: 1, max: 5000 })
    .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.nat(50)));

  it("percent lies within [0, 100] and inside its interval, lo ≤ hi, never -0", () => {
    fc.assert(
      fc.property(counts, ([n, positive, dontKnow]) => {
        const e = estimate(disasterPrep, { yes: positive, no: n - positive, dont_know: dontKnow });
        expect(e.n).toBe(n);
        const percent = e.percent ?? Number.NaN;
        const [lo, hi] = e.ci95 ?? [Number.NaN, Number.NaN];
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(100);
        expect(lo).toBeLessThanOrEqual(percent);
        expect(percent).toBeLessThanOrEqual(hi);
        expect(lo).toBeLessThanOrEqual(hi);
        expect(Object.is(lo, -0) || Object.is(hi, -0)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("holds at the edges 0/n and n/n for every n up to 2000", () => {
    for (let n = 1; n <= 2000; n++) {
      const [lo0] = wilson(0, n) ?? [Number.NaN];
      const [, hiN] = wilson(n, n) ?? [Number.NaN, Number.NaN];
      expect(Object.is(lo0, 0)).toBe(true);
      expect(hiN).toBe(100);
    }
  });

  it("multiplies before dividing: every k/n share equals k·100/n exactly", () => {
    fc.assert(
      fc.property(counts, ([n, positive]) => {
        expect(estimate(disasterPrep, { yes: positive, no: n - positive }).percent).toBe(
          (positive * 100) / n,
        );
      }),
    );
  });
});

describe("verdict", () => {
  it("meets a >= target at the boundary and misses just below", () => {
    const target = { op: ">=", value: 70 } as const;
    expect(verdict(70, target, 100, 10)).toBe("met");
    expect(verdict(70.0001, target, 100, 10)).toBe("met");
    expect(verdict(69.9999, target, 100, 10)).toBe("not_met");
  });

  it("meets a <= target at the boundary and misses just above", () => {
    const target = { op: "<=", value: 20 } as const;
    expect(verdict(20, target, 100, 10)).toBe("met");
    expect(verdict(19.5, target, 100, 10)).toBe("met");
    expect(verdict(20.0001, target, 100, 10)).toBe("not_met");
  });

  it("judges an estimate exactly on its target as met (57/100 against 57%)", () => {
    const e = estimate(disasterPrep, { yes: 57, no: 43 });
    expect(verdict(e.percent, { op: ">=", value: 57 }, 100, 10)).toBe("met");
    expect(verdict(e.percent, { op: "<=", value: 57 }, 100, 10)).toBe("met");
  });

  it("has no verdict without a percent or a target", () => {
    expect(verdict(null, { op: ">=", value: 70 }, 100, 10)).toBeNull();
    expect(verdict(80, undefined, 100, 10)).toBeNull();
  });

  it("has no verdict below the minimum cell, and one from the minimum cell up", () => {
    // 9 answers, 8 yes (88.9%), against ≥ 70% with minCell 10: too few to judge either way.
    const small = estimate(disasterPrep, { yes: 8, no: 1 });
    expect(verdict(small.percent, { op: ">=", value: 70 }, small.n, 10)).toBeNull();
    expect(verdict(11.1, { op: ">=", value: 70 }, 9, 10)).toBeNull();
    const enough = estimate(disasterPrep, { yes: 8, no: 2, dont_know: 5 });
    expect(enough.n).toBe(10);
    expect(verdict(enough.percent, { op: ">=", value: 70 }, enough.n, 10)).toBe("met");
    expect(verdict(11.1, { op: ">=", value: 70 }, 10, 10)).toBe("not_met");
  });
});

describe("countOptions", () => {
  it("counts only option ids, skipping blanks, lists and numbers", () => {
    expect(countOptions(["a", "b", "a", undefined, ["a"], 3])).toEqual({ a: 2, b: 1 });
    expect(countOptions([])).toEqual({});
  });
});

describe("groupEstimates", () => {
  it("suppresses a group whose base is below minCell and gives it no counts", () => {
    const groups = new Map<string, OptionCounts>([
      // 12 answers, but わからない is outside the base: base 9 < 10.
      ["area_02", { yes: 5, no: 4, dont_know: 3 }],
      ["area_01", { yes: 6, no: 4 }],
    ]);
    const result = groupEstimates(disasterPrep, groups, 10);
    expect(result).toEqual([
      { key: "area_01", n: 10, positive: 6, percent: 60, ci95: wilson(6, 10), suppressed: false },
      { key: "area_02", n: null, positive: null, percent: null, ci95: null, suppressed: true },
    ]);
    expect(result[0]?.ci95?.[0]).toBeCloseTo(31.2674, 4);
  });

  it("follows the survey's minCell and sorts groups by key", () => {
    const groups = new Map<string, OptionCounts>([
      ["b", { yes: 2, no: 1 }],
      ["a", { yes: 1 }],
    ]);
    expect(groupEstimates(disasterPrep, groups, 3).map((g) => [g.key, g.suppressed, g.n])).toEqual([
      ["a", true, null],
      ["b", false, 3],
    ]);
    expect(groupEstimates(disasterPrep, groups, 1).every((g) => !g.suppressed)).toBe(true);
  });
});
