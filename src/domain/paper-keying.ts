import "./zod-config";
import { z } from "zod/mini";
import { canonicalJson } from "./canonical-json";
import type { Answers } from "./response";
import type { ReviewState } from "./review";

/**
 * Why a paper keying is not counted (issue 21): `awaiting_second_keying`, the form was keyed once;
 * `keying_mismatch`, its keyings differ and a third keying must settle it; `duplicate_keying`, an
 * agreeing keying of a form whose answers another keying carries into the counts;
 * `superseded_keying`, a keying the others outvoted once two agreed.
 */
export const KeyingReason = z.enum([
  "awaiting_second_keying",
  "keying_mismatch",
  "duplicate_keying",
  "superseded_keying",
]);
export type KeyingReason = z.infer<typeof KeyingReason>;

export const isKeyingReason = (reason: string | null): reason is KeyingReason =>
  KeyingReason.safeParse(reason).success;

/** One keying of a form, as settling it needs: ids sort in the order they were keyed (UUIDv7). */
export interface Keying {
  id: string;
  answers: Answers;
}

/** Where a form stands after its keyings were compared. */
export type FormStatus = "awaiting" | "agreed" | "disputed";

export interface Settlement {
  status: FormStatus;
  /** The review state and reason each keying should have (reason null when counted). */
  states: ReadonlyMap<string, { state: ReviewState; reason: KeyingReason | null }>;
}

/**
 * Compares a form's keyings by their canonical answers (key order and a blank left out alike).
 * One keying waits; two or more that agree make the earliest of them counted, the rest of that
 * agreement `duplicate_keying` and any other keying `superseded_keying`; keyings that all differ,
 * or two agreements of equal size (two against two), leave every keying held in dispute.
 */
export function settleKeyings(keyings: readonly Keying[]): Settlement {
  const ordered = [...keyings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const states = new Map<string, { state: ReviewState; reason: KeyingReason | null }>();
  if (ordered.length === 1) {
    states.set((ordered[0] as Keying).id, { state: "held", reason: "awaiting_second_keying" });
    return { status: "awaiting", states };
  }
  const groups = new Map<string, Keying[]>();
  for (const keying of ordered) {
    const key = canonicalJson(keying.answers);
    groups.set(key, [...(groups.get(key) ?? []), keying]);
  }
  const sizes = [...groups.values()].map((g) => g.length).sort((a, b) => b - a);
  const largest = sizes[0] ?? 0;
  if (largest < 2 || sizes[1] === largest) {
    for (const keying of ordered) states.set(keying.id, { state: "held", reason: "keying_mismatch" });
    return { status: "disputed", states };
  }
  const agreed = [...groups.values()].find((g) => g.length === largest) as Keying[];
  const winner = (agreed[0] as Keying).id;
  for (const keying of ordered) {
    if (keying.id === winner) states.set(keying.id, { state: "counted", reason: null });
    else
      states.set(keying.id, {
        state: "excluded",
        reason: agreed.includes(keying) ? "duplicate_keying" : "superseded_keying",
      });
  }
  return { status: "agreed", states };
}

/** The question ids whose answers differ between keyings, for the side-by-side view. */
export function differingQuestions(keyings: readonly { answers: Answers }[]): Set<string> {
  const ids = new Set(keyings.flatMap((k) => Object.keys(k.answers)));
  const differing = new Set<string>();
  for (const id of ids) {
    const values = new Set(keyings.map((k) => canonicalJson(k.answers[id] ?? null)));
    if (values.size > 1) differing.add(id);
  }
  return differing;
}
