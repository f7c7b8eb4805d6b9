import type { OutboxCounts } from "../outbox";
import { BACKOFF_BASE_MS, retryDelay } from "./backoff";
import type { SyncOutcome } from "./outcome";

export type SyncPhase = "idle" | "syncing" | "offline" | "error" | "unauthorized";

export interface SyncStatus {
  phase: SyncPhase;
  counts: OutboxCounts;
  lastSyncAt?: number;
  lastError?: string;
  nextAttemptAt?: number;
}

/** With nothing failing, the timer still looks now and then: cheap when nothing is pending. */
export const IDLE_INTERVAL_MS = 60_000;

export interface Decision {
  status: SyncStatus;
  /** Consecutive failures so far, the exponent of the next backoff. */
  failures: number;
  /** When the engine's timer should look next (while blocked, it only re-reads the settings). */
  delayMs: number;
}

/** What a pass's outcome means for the status and the next attempt: pure, so tested on its own. */
export function decide(
  previous: SyncStatus,
  outcome: SyncOutcome,
  ctx: { counts: OutboxCounts; failures: number; now: number; random: () => number; capMs: number },
): Decision {
  const base = {
    counts: ctx.counts,
    ...(previous.lastSyncAt !== undefined && { lastSyncAt: previous.lastSyncAt }),
  };
  switch (outcome.kind) {
    case "done":
      return {
        status: { ...base, phase: "idle", lastSyncAt: ctx.now, nextAttemptAt: ctx.now + IDLE_INTERVAL_MS },
        failures: 0,
        delayMs: IDLE_INTERVAL_MS,
      };
    case "busy": {
      // Another tab or the service worker is sending; look again soon to pick up what it left.
      const phase = previous.phase === "syncing" ? "idle" : previous.phase;
      const keep = previous.lastError !== undefined && { lastError: previous.lastError };
      return {
        status: { ...base, ...keep, phase, nextAttemptAt: ctx.now + BACKOFF_BASE_MS },
        failures: ctx.failures,
        delayMs: BACKOFF_BASE_MS,
      };
    }
    case "deferred": {
      // A runner here or in another tab was told to wait: look again when the wait is over, not before.
      const phase = previous.phase === "syncing" ? "idle" : previous.phase;
      const keep = previous.lastError !== undefined && { lastError: previous.lastError };
      return {
        status: { ...base, ...keep, phase, nextAttemptAt: outcome.until },
        failures: ctx.failures,
        delayMs: Math.max(0, outcome.until - ctx.now),
      };
    }
    case "unauthorized":
      // Retrying cannot help until the token or endpoint changes; the engine waits for that.
      return {
        status: { ...base, phase: "unauthorized", lastError: outcome.error },
        failures: ctx.failures,
        delayMs: IDLE_INTERVAL_MS,
      };
    case "offline":
    case "error": {
      const retryAfter = outcome.kind === "error" ? outcome.retryAfterMs : undefined;
      // Chosen by the pass when it shared a not-before time (not-before.ts), from the same draw.
      const delayMs =
        outcome.retryAt !== undefined
          ? Math.max(0, outcome.retryAt - ctx.now)
          : retryDelay(ctx.failures, ctx.random, ctx.capMs, retryAfter);
      return {
        status: { ...base, phase: outcome.kind, lastError: outcome.error, nextAttemptAt: ctx.now + delayMs },
        failures: ctx.failures + 1,
        delayMs,
      };
    }
  }
}
