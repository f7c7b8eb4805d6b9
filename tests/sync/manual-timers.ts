import type { SyncEngine, SyncStatus } from "../../src/sync";
import type { Timers } from "../../src/sync/runner";

/** A clock the tests move by hand; several engines, as several tabs, may share one. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = 1_000_000): TestClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

/**
 * Timers the test fires by hand; firing moves the clock on by the timer's delay (the engine keeps to
 * the wait it shares with other runners, so time must pass) and returns the run's promise.
 */
export function manualTimers(clock: TestClock = testClock()) {
  let next: { callback: () => Promise<void>; delayMs: number; handle: number } | undefined;
  let handles = 0;
  const timers: Timers = {
    set(callback, delayMs) {
      next = { callback, delayMs, handle: ++handles };
      return next.handle;
    },
    clear(handle) {
      if (next?.handle === handle) next = undefined;
    },
  };
  return {
    timers,
    now: clock.now,
    delay: () => next?.delayMs,
    fire: () => {
      const due = next;
      next = undefined;
      if (!due) throw new Error("no timer is set");
      clock.advance(due.delayMs);
      return due.callback();
    },
  };
}

/** start() runs at once; this waits for that first run to finish. */
export function startSettled(engine: SyncEngine, first?: { manual?: boolean }): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const off = engine.subscribe((status) => {
      if (status.phase === "syncing") return;
      off();
      resolve(status);
    });
    engine.start(first);
  });
}
