import type { Indicator } from "./definition";
import { suppressedKeys } from "./suppression";
import { estimate, type GroupEstimate, groupEstimates, type OptionCounts } from "./tally";
import { mergeWaves } from "./wave-merge";

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
  for (const groups of byWave.values())
    for (const key of hiddenKeys(indicator, groups, minCell)) hidden.add(key);
  const merged = mergeWaves(byWave.values());
  // The keys hidden in a wave are hidden in the merged table before its own complement is chosen:
  // a lone one there (hidden in 2025, its total 9 no longer small) would be total − Σ(shown).
  for (const key of hiddenKeys(indicator, merged, minCell, hidden)) hidden.add(key);
  return groupEstimates(indicator, merged, minCell).map((g) =>
    hidden.has(g.key)
      ? { key: g.key, n: null, positive: null, percent: null, ci95: null, suppressed: true }
      : g,
  );
}

/** The groups a breakdown hides for any of the indicators: in each wave alone, and over them all. */
export interface HiddenGroups {
  perWave: Map<number, Set<string>>;
  all: Set<string>;
}

/**
 * Which groups breakdown() hides for any indicator, per wave and over every wave given: /counts
 * hides the events that by=event hides, since an event's count of responses is an indicator's base
 * whenever everyone at the event answered it. `byQuestion`: question id → wave → group → counts.
 */
export function hiddenGroupsOfIndicators(
  indicators: readonly (IndicatorMath & { questionId: string })[],
  byQuestion: ReadonlyMap<string, CountsByWaveAndGroup>,
  minCell: number,
): HiddenGroups {
  const perWave = new Map<number, Set<string>>();
  const all = new Set<string>();
  for (const indicator of indicators) {
    const waves = byQuestion.get(indicator.questionId) ?? new Map();
    for (const [w, groups] of waves) {
      const set = perWave.get(w) ?? new Set<string>();
      for (const g of breakdown(indicator, new Map([[w, groups]]), minCell)) if (g.suppressed) set.add(g.key);
      perWave.set(w, set);
    }
    for (const g of breakdown(indicator, waves, minCell)) if (g.suppressed) all.add(g.key);
  }
  return { perWave, all };
}
