import {
  estimate,
  type GroupEstimate,
  groupEstimates,
  type Indicator,
  type OptionCounts,
  suppressedKeys,
} from "../../survey";

type IndicatorMath = Pick<Indicator, "positive" | "excludeFromBase">;

/**
 * An indicator's groups with small cells suppressed: first each base below minCell
 * (groupEstimates), then the complementary cell that would let total − Σ(shown) give a hidden one
 * back (suppressedKeys). A hidden group carries no counts.
 */
export function breakdown(
  indicator: IndicatorMath,
  countsByGroup: ReadonlyMap<string, OptionCounts>,
  total: number,
  minCell: number,
): GroupEstimate[] {
  const bases = [...countsByGroup].map(([key, counts]) => ({ key, n: estimate(indicator, counts).n }));
  const hidden = suppressedKeys(bases, total, minCell);
  return groupEstimates(indicator, countsByGroup, minCell).map((g) =>
    hidden.has(g.key)
      ? { key: g.key, n: null, positive: null, percent: null, ci95: null, suppressed: true }
      : g,
  );
}
