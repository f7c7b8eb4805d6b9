/**
 * One run at a time. A request during a run is folded into a single further run after it (a
 * submit during a sync must still be sent), and its promise resolves when that one is done too.
 * "manual" survives the folding, so "sync now" pressed mid-run still lifts a 401 block.
 */
export function singleFlight(run: (manual: boolean) => Promise<void>): (manual: boolean) => Promise<void> {
  let running: Promise<void> | undefined;
  let again: { manual: boolean } | undefined;
  return (manual) => {
    if (running) {
      again = { manual: manual || (again?.manual ?? false) };
      return running;
    }
    running = (async () => {
      try {
        for (let next: typeof again = { manual }; next; next = again) {
          again = undefined;
          await run(next.manual);
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

export interface Timers {
  set(callback: () => Promise<void>, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const defaultTimers: Timers = {
  set: (callback, delayMs) => setTimeout(() => void callback(), delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
