import type { Indicator } from "../../domain/definition";
import { suppressedKeys } from "../../domain/suppression";
import { estimate, type GroupEstimate, groupEstimates, type OptionCounts } from "../../domain/tally";

type IndicatorMath = Pick<Indicator, "positive" | "excludeFromBase">;

/** wave → group key → option → responses. */
export type CountsByWaveAndGroup = ReadonlyMap<number, ReadonlyMap<string, OptionCounts>>;

/**
 * The groups to hide in one table: each base below minCell, and then a complementary one when a
 * single hidden cell could be read off as total − Σ(shown). The respondents outside every group
 * (no answer to the breakdown question, no event) are treated as known, so they never count as the
 * second unknown: by=mode publishes the responses without an event, and kiosk − Σ(shown events)
 * would otherwise give a lone hidden event back.
 */
function hiddenKeys(
  indicator: IndicatorMath,
  groups: ReadonlyMap<string, OptionCounts>,
  minCell: number,
  alsoHidden?: ReadonlySet<string>,
) {
  const bases = [...groups].map(([key, counts]) => ({ key, n: estimate(indicator, counts).n }));
  const grouped = bases.reduce((sum, g) => sum + g.n, 0);
  return suppressedKeys(bases, grouped, minCell, alsoHidden);
}

/**
 * An indicator's groups over one wave or several, with small cells suppressed so that none can be
 * recovered from this table's total or from the difference between two queries. Each wave gets
 * its own primary and complementary suppression; over several waves a group is hidden when it is
 * hidden in any of them (else all-waves − the other waves would give a hidden cell back), and the
 * merged table gets its own suppression on top. A hidden group carries no counts.
 */
export function breakdown(
  indicator: IndicatorMath,
  byWave: CountsByWaveAndGroup,
  minCell: number,
): GroupEstimate[] {
  const hidden = new Set<string>();
  const merged = new Map<string, Record<string, number>>();
  for (const groups of byWave.values()) {
    for (const key of hiddenKeys(indicator, groups, minCell)) hidden.add(key);
    for (const [key, counts] of groups) {
      const into = merged.get(key) ?? {};
      for (const [option, count] of Object.entries(counts)) into[option] = (into[option] ?? 0) + count;
      merged.set(key, into);
    }
  }
  // The keys hidden in a wave are hidden in the merged table before its own complement is chosen:
  // a lone one there (hidden in 2025, its total 9 no longer small) would be total − Σ(shown).
  for (const key of hiddenKeys(indicator, merged, minCell, hidden)) hidden.add(key);
  return groupEstimates(indicator, merged, minCell).map((g) =>
    hidden.has(g.key)
      ? { key: g.key, n: null, positive: null, percent: null, ci95: null, suppressed: true }
      : g,
  );
}
