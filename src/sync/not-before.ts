import type { Outbox } from "../outbox";
import { BACKOFF_CAP_HIDDEN_MS, BACKOFF_CAP_VISIBLE_MS, RETRY_AFTER_MAX_MS, retryDelay } from "./backoff";
import { emptyTally, type SyncOutcome } from "./outcome";

/**
 * The device's one "not before" time: when the collector answered a request with a failure (5xx,
 * 429, with or without Retry-After), no runner of this device sends again before it. Each tab's
 * engine and the service worker's Background Sync read it under the sync lock, so a collector that
 * asked for a wait is not hit by the one runner that was not told. It is kept in the outbox's
 * settings store, the one storage the page and the service worker share; that store takes any key,
 * so no schema change was needed.
 */
export const NOT_BEFORE_KEY = "sync.notBefore";

/** No runner writes a longer wait (retryDelay's bounds); a time further ahead means the clock was set back. */
export const NOT_BEFORE_MAX_MS = Math.max(RETRY_AFTER_MAX_MS, BACKOFF_CAP_HIDDEN_MS);

export interface NotBeforePolicy {
  /**
   * false for "send now": a person asked, and one request a press is no flood. The pass still
   * writes the wait it is told (or clears it on success) for the other runners.
   */
  honour: boolean;
  /** The wait after a failure the collector answered; by default its Retry-After, else a first backoff. */
  delayAfterError?: (retryAfterMs: number | undefined) => number;
}

/** The stored time, or undefined when there is none or it cannot be trusted: that must never silence the device. */
function readableNotBefore(stored: unknown, now: number): number | undefined {
  if (typeof stored !== "number" || !Number.isFinite(stored)) return undefined;
  return stored > now + NOT_BEFORE_MAX_MS ? undefined : stored;
}

/**
 * Runs `pass` unless the shared time says to wait; sets that time from a failure the collector
 * answered, and clears it after a pass that went through. Call it holding the sync lock, so that no
 * other runner reads the time between this pass's failure and its write.
 *
 * A network failure (no answer at all) writes nothing: it says nothing of the collector's load, and
 * the browser's "online" event and Background Sync, which it must not delay, are the signals that
 * trying again is worth it.
 */
export async function passNotBefore(
  outbox: Outbox,
  now: () => number,
  policy: NotBeforePolicy,
  pass: () => Promise<SyncOutcome>,
): Promise<SyncOutcome> {
  // Unreadable is as if unset: the pass that follows meets the same database and reports its error.
  const stored = await outbox.getSetting<unknown>(NOT_BEFORE_KEY).catch(() => undefined);
  const until = readableNotBefore(stored, now());
  if (policy.honour && until !== undefined && until > now())
    return { kind: "deferred", until, ...emptyTally() };
  const outcome = await pass();
  if (outcome.kind === "error" && outcome.status !== undefined) {
    const at = now();
    const delayMs = (policy.delayAfterError ?? firstBackoff)(outcome.retryAfterMs);
    // A failed write leaves the other runners to their own timers, as before this time was shared.
    await outbox.setSetting(NOT_BEFORE_KEY, at + sharedDelay(delayMs, outcome.retryAfterMs)).catch(() => {});
    return { ...outcome, retryAt: at + delayMs };
  }
  if (outcome.kind === "done" && stored !== undefined)
    await outbox.setSetting(NOT_BEFORE_KEY, undefined).catch(() => {});
  return outcome;
}

/**
 * The shared time holds visible pages too, which must notice a returning collector within a minute
 * (DESIGN.md): a longer backoff (a hidden tab's) stays that runner's own. A Retry-After, the
 * collector's own word, is shared whole.
 */
function sharedDelay(delayMs: number, retryAfterMs: number | undefined): number {
  return retryAfterMs === undefined ? Math.min(delayMs, BACKOFF_CAP_VISIBLE_MS) : delayMs;
}

/** For a runner that keeps no count of failures (the service worker: the browser paces its retries). */
function firstBackoff(retryAfterMs: number | undefined): number {
  return retryDelay(0, Math.random, BACKOFF_CAP_HIDDEN_MS, retryAfterMs);
}
