import { describe, expect, it } from "vitest";
import { median } from "../../bench/median";
import { ratioOfMediansInterval } from "../../bench/ratio-interval";

describe("ratioOfMediansInterval", () => {
  it("is the ratio itself where every pair has the same ratio", () => {
    const b = [100, 180, 240, 130, 310, 205, 150];
    expect(
      ratioOfMediansInterval(
        b.map((x) => x * 1.5),
        b,
      ),
    ).toEqual({ low: 1.5, high: 1.5 });
  });

  it("holds the ratio of the medians, and widens as the runs spread", () => {
    const b = [200, 210, 190, 205, 195, 200, 215, 185, 200, 210, 190];
    const tight = b.map((x, i) => x * (i % 2 === 0 ? 1.2 : 1.3));
    const loose = b.map((x, i) => x * (i % 2 === 0 ? 0.9 : 1.6));
    const ratio = median(loose) / median(b);
    const narrow = ratioOfMediansInterval(tight, b);
    const wide = ratioOfMediansInterval(loose, b);
    expect(wide.low).toBeLessThanOrEqual(ratio);
    expect(wide.high).toBeGreaterThanOrEqual(ratio);
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
    expect(narrow.low).toBeGreaterThanOrEqual(1.1);
    expect(narrow.high).toBeLessThanOrEqual(1.4);
  });

  it("gives the same interval for the same runs", () => {
    const a = [310, 290, 450, 280, 330, 300];
    const b = [200, 240, 180, 260, 210, 190];
    expect(ratioOfMediansInterval(a, b)).toEqual(ratioOfMediansInterval(a, b));
  });

  it("refuses runs that are not pairs", () => {
    expect(() => ratioOfMediansInterval([1, 2], [1])).toThrow("paired runs needed: 2 against 1");
    expect(() => ratioOfMediansInterval([], [])).toThrow("paired runs needed");
  });
});
