import { emptyCounts, type Outbox } from "../outbox";
import { BACKOFF_CAP_HIDDEN_MS, BACKOFF_CAP_VISIBLE_MS, retryDelay } from "./backoff";
import type { LockManagerLike } from "./lock";
import { observable } from "./observable";
import { describeError, emptyTally, type SyncOutcome } from "./outcome";
import { defaultTimers, singleFlight, type Timers } from "./runner";
import { getDeviceToken, getEndpoint } from "./settings";
import { decide, IDLE_INTERVAL_MS, type SyncStatus } from "./status";
import { syncOnce } from "./sync-once";
import { attachTriggers, isPageVisible, requestBackgroundSync } from "./triggers";

export interface SyncEngine {
  /** One run now; resolves when it (and any run asked for meanwhile) has finished. Never rejects. */
  syncNow(): Promise<void>;
  /**
   * Runs at once, then on triggers and on a timer; returns stop(). `manual`: that first run is a
   * press of "Send now" (it does not keep to the device's wait), for a press that starts the engine:
   * a press asked for beside the start's own run would follow it at once, past the wait the first
   * run may have just been told to keep.
   */
  start(options?: { manual?: boolean }): () => void;
  /** Called on every change of status (not at once: read getStatus() first). */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  getStatus(): SyncStatus;
}

export interface SyncEngineOptions {
  outbox: Outbox;
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => number;
  locks?: LockManagerLike | null;
  isVisible?: () => boolean;
  attach?: (run: () => void) => () => void;
  /** After a failed run with work left; by default asks for Background Sync. */
  onRetryLater?: () => void;
  /** `set`'s callback returns the run's promise, so tests can fire a timer and await the run. */
  timers?: Timers;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { outbox } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const isVisible = options.isVisible ?? isPageVisible;
  const state = observable<SyncStatus>({ phase: "idle", counts: emptyCounts() });
  const publish = state.set;
  let failures = 0;
  let blockedOn: string | undefined; // the settings that got 401/403
  let started = false;
  const timers = options.timers ?? defaultTimers;
  let timer: unknown;

  const schedule = (delayMs: number) => {
    if (timer !== undefined) timers.clear(timer);
    timer = started ? timers.set(() => request(false), delayMs) : undefined;
  };

  async function pass(manual: boolean): Promise<void> {
    const settings = await Promise.all([getEndpoint(outbox), getDeviceToken(outbox)]).catch(() => undefined);
    const key = settings && JSON.stringify(settings);
    if (!manual && key !== undefined && key === blockedOn) {
      publish({ ...state.get(), counts: await outbox.counts() });
      return schedule(IDLE_INTERVAL_MS);
    }
    blockedOn = undefined;
    publish({ ...state.get(), phase: "syncing" });
    const capMs = () => (isVisible() ? BACKOFF_CAP_VISIBLE_MS : BACKOFF_CAP_HIDDEN_MS);
    const outcome: SyncOutcome = await syncOnce(outbox, {
      ...(options.fetch && { fetch: options.fetch }),
      ...(options.locks !== undefined && { locks: options.locks }),
      ...(settings && { endpoint: settings[0], token: settings[1] }),
      now,
      // This engine's backoff (or the collector's Retry-After) becomes the wait of every runner.
      notBefore: {
        honour: !manual,
        delayAfterError: (retryAfterMs) => retryDelay(failures, random, capMs(), retryAfterMs),
      },
    }).catch((error) => ({ kind: "error", error: describeError(error), ...emptyTally() }));
    if (outcome.kind === "unauthorized") blockedOn = key;
    // Sent responses past their retention period leave the device here; nothing unsent ever does.
    await outbox.purgeExpired(now()).catch(() => []);
    const counts = await outbox.counts().catch(() => state.get().counts);
    const decision = decide(state.get(), outcome, { counts, failures, now: now(), random, capMs: capMs() });
    failures = decision.failures;
    const { nextAttemptAt, ...rest } = decision.status;
    publish(started && nextAttemptAt !== undefined ? { ...rest, nextAttemptAt } : rest);
    schedule(decision.delayMs);
    if ((outcome.kind === "offline" || outcome.kind === "error") && counts.pending > 0)
      (options.onRetryLater ?? requestBackgroundSync)();
  }

  // Only a database read outside syncOnce can fail here; keep the timer going all the same.
  const request = singleFlight((manual) =>
    pass(manual).catch((error) => {
      const delayMs = retryDelay(failures++, random, BACKOFF_CAP_VISIBLE_MS);
      publish({ ...state.get(), phase: "error", lastError: describeError(error) });
      schedule(delayMs);
    }),
  );

  return {
    syncNow: () => request(true),
    start(first) {
      if (started) return () => {};
      started = true;
      const detach = (options.attach ?? attachTriggers)(() => void request(false));
      void request(first?.manual ?? false);
      return () => {
        started = false;
        detach();
        schedule(0);
      };
    },
    subscribe: state.subscribe,
    getStatus: state.get,
  };
}
