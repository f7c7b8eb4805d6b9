import type { OptionCounts } from "../../domain/tally";
import { mergeWaves } from "../../domain/wave-merge";
import type { GroupedCountRow } from "../storage/tally-storage";

/** question id → wave → group key → option → responses. */
export type OptionCountsByWaveAndGroup = Map<string, Map<number, Map<string, OptionCounts>>>;

/** The key of a population cell over several dimensions (age × sex): "age_30_39|female". */
export const cellKey = (groups: readonly string[]) => groups.join("|");

/** SQL's flat rows into the nested counts the tally math reads. */
export function foldByWaveAndGroup(rows: readonly GroupedCountRow[]): OptionCountsByWaveAndGroup {
  const out: OptionCountsByWaveAndGroup = new Map();
  for (const row of rows) {
    const waves = out.get(row.questionId) ?? new Map<number, Map<string, Record<string, number>>>();
    const groups = waves.get(row.wave) ?? new Map<string, Record<string, number>>();
    const key = cellKey(row.groups);
    const counts = (groups.get(key) as Record<string, number> | undefined) ?? {};
    counts[row.optionId] = (counts[row.optionId] ?? 0) + row.count;
    groups.set(key, counts);
    waves.set(row.wave, groups);
    out.set(row.questionId, waves);
  }
  return out;
}

/** The waves summed: question id → group key → option → responses. */
export function acrossWaves(counts: OptionCountsByWaveAndGroup): Map<string, Map<string, OptionCounts>> {
  const out = new Map<string, Map<string, OptionCounts>>();
  for (const [questionId, waves] of counts) out.set(questionId, mergeWaves(waves.values()));
  return out;
}
