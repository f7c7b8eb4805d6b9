import type { ItemResult } from "../contract/responses";

/** Why a request did not give per-item results; each kind maps to one phase of the engine. */
export type SyncFailure =
  | { kind: "offline"; error: string }
  | { kind: "error"; error: string; status?: number; retryAfterMs?: number }
  | { kind: "unauthorized"; error: string; status: 401 | 403 };

/** One request's answer, classified. */
export type PostAnswer = { kind: "results"; results: ItemResult[] } | { kind: "too-large" } | SyncFailure;

/** What one pass did to the outbox. `unanswered`: sent, but missing from a 200 answer, so still pending. */
export interface SyncTally {
  sent: number;
  rejected: number;
  conflict: number;
  unanswered: number;
}

/**
 * `deferred`: nothing sent, as the device's shared not-before time (not-before.ts) is still ahead.
 * `retryAt` on a failure the collector answered: when this runner should try again, by the wait
 * its policy gave; the shared time it wrote is never later.
 */
export type SyncOutcome = (
  | { kind: "done" }
  | { kind: "busy" }
  | { kind: "deferred"; until: number }
  | (SyncFailure & { retryAt?: number })
) &
  SyncTally;

export function emptyTally(): SyncTally {
  return { sent: 0, rejected: 0, conflict: 0, unanswered: 0 };
}

export function addResults(tally: SyncTally, results: readonly ItemResult[], batchSize: number): void {
  for (const { status } of results) {
    if (status === "accepted" || status === "duplicate") tally.sent++;
    else tally[status]++;
  }
  tally.unanswered += batchSize - results.length;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
