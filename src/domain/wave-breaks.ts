import "./zod-config";
import { z } from "zod/mini";
import type { SurveyDefinition } from "./definition";
import { type BreakReason, seriesBreaks } from "./series-breaks";

/** Why a series breaks, as a stable code (seriesBreaks' reasons without their details). */
export const BreakReasonCode = z.enum([
  "question_changed",
  "options_changed",
  "positive_changed",
  "excluded_changed",
]);
export type BreakReasonCode = z.infer<typeof BreakReasonCode>;

// Compile-time guard: a reason seriesBreaks learns must be added to the codes, and no code is stray.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const codesMatchReasons: Same<BreakReasonCode, BreakReason["reason"]> = true;
void codesMatchReasons;

/** A break in an indicator's series between the wave before (`fromWave`) and this one. */
export const SeriesBreakAt = z.object({
  fromWave: z.number().check(z.int()),
  /** Each reason once, in BreakReasonCode's order. */
  reasons: z.array(BreakReasonCode),
});
export type SeriesBreakAt = z.infer<typeof SeriesBreakAt>;

/** The versions a wave's counted responses were answered on. */
export type WaveVersions = ReadonlyMap<number, readonly number[]>;

/**
 * Whether indicator `indicatorId` breaks between wave `fromWave` and wave `toWave`: it does when
 * some version answered in the one and some other version answered in the other disagree about it
 * (seriesBreaks). Every pair is compared, since a wave may mix versions (a device holding the older
 * one keeps answering it). Versions that lack the indicator have no series to break. A version with
 * answers but no definition throws: whether it breaks cannot be said, and silence would say "no".
 */
export function breakBetweenWaves(
  indicatorId: string,
  fromWave: number,
  toWave: number,
  versions: WaveVersions,
  definitionOf: (version: number) => SurveyDefinition | undefined,
): SeriesBreakAt | null {
  const found = new Set<BreakReasonCode>();
  for (const a of versions.get(fromWave) ?? [])
    for (const b of versions.get(toWave) ?? []) {
      if (a === b) continue;
      const [previous, next] = [known(a, definitionOf), known(b, definitionOf)];
      const kept = seriesBreaks(previous, next).find((s) => s.indicatorId === indicatorId);
      for (const r of kept?.reasons ?? []) found.add(r.reason);
    }
  if (found.size === 0) return null;
  return { fromWave, reasons: BreakReasonCode.options.filter((code) => found.has(code)) };
}

function known(version: number, definitionOf: (version: number) => SurveyDefinition | undefined) {
  const def = definitionOf(version);
  if (!def) throw new Error(`responses were answered on version ${version}, which is not published here`);
  return def;
}
