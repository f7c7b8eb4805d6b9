import type { OptionCounts } from "./tally";

/**
 * Tables of group → option → responses, one a wave, summed into one table over those waves: the
 * merge that a breakdown over several waves and the weighting cells over every wave both need.
 */
export function mergeWaves(
  tables: Iterable<ReadonlyMap<string, OptionCounts>>,
): Map<string, Record<string, number>> {
  const merged = new Map<string, Record<string, number>>();
  for (const groups of tables)
    for (const [key, counts] of groups) {
      const into = merged.get(key) ?? {};
      for (const [option, count] of Object.entries(counts)) into[option] = (into[option] ?? 0) + count;
      merged.set(key, into);
    }
  return merged;
}
