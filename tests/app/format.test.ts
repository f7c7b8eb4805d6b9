import { describe, expect, it } from "vitest";
import { formatInterval, formatPercent, formatTarget } from "../../src/app/dashboard/format";
import { recentWaves } from "../../src/app/dashboard/waves";

describe("dashboard formatting", () => {
  it("shows percent with one decimal", () => {
    expect(formatPercent(72.44, "en")).toBe("72.4%");
    expect(formatPercent(72.44, "ja")).toBe("72.4%");
    expect(formatInterval([61.25, 80], "en")).toBe("61.3% – 80.0%");
    expect(formatInterval(null, "en")).toBe("—");
  });
  it("shows a target with its direction", () => {
    expect(formatTarget({ op: ">=", value: 70 }, "en")).toBe("≥ 70%");
    expect(formatTarget({ op: "<=", value: 12.5 }, "ja")).toBe("≤ 12.5%");
  });
  it("offers this fiscal year first: 31 March in Tokyo is still the previous one", () => {
    expect(recentWaves(new Date("2026-03-31T14:59:59Z"), 2)).toEqual([2025, 2024]);
    expect(recentWaves(new Date("2026-03-31T15:00:00Z"), 2)).toEqual([2026, 2025]);
  });
});
