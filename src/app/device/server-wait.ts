import { createStore } from "../store";
import { getOutbox } from "./outbox";
import { syncStarted, syncStatus } from "./sync";

/**
 * While the collector has asked this device to wait (it answered 5xx or 429): when the next try
 * is. The time is the device's shared "not before" (src/sync/not-before.ts), which every tab and
 * the service worker keep to, or this page's own later retry; undefined when nothing holds sending.
 */
export const serverWait = createStore<number | undefined>(undefined);

/**
 * The later of the shared wait and this page's next attempt, or undefined once the wait is over.
 * A stored time beyond any wait a runner writes means a clock set back: not shown, as the engine
 * does not keep to it either.
 */
export function nextTry(stored: unknown, nextAttemptAt: number | undefined, now: number, maxMs: number) {
  if (typeof stored !== "number" || !Number.isFinite(stored)) return undefined;
  if (stored <= now || stored > now + maxMs) return undefined;
  return Math.max(stored, nextAttemptAt ?? 0);
}

async function readServerWait(): Promise<number | undefined> {
  // Until this page's engine starts (with the first answer held, sync.ts), nothing waits to be sent:
  // the engine's chunk is not fetched for a wait that holds nothing back. Its start sets syncStatus,
  // which reads the wait then.
  if (!syncStarted()) return undefined;
  // The engine's own chunk, fetched by then (startSync): not on a respondent's first load. Importing
  // not-before.ts alone made a chunk the first load then named, with the bundler's helpers in it.
  const [outbox, { NOT_BEFORE_KEY, NOT_BEFORE_MAX_MS }] = await Promise.all([
    getOutbox(),
    import("./sync-chunk"),
  ]);
  const stored = await outbox.getSetting(NOT_BEFORE_KEY);
  return nextTry(stored, syncStatus.get().nextAttemptAt, Date.now(), NOT_BEFORE_MAX_MS);
}

// The store above is one per page because the wait is the device's; it is read on each status once.
let watching = false;

/** Reads the wait again on every sync status (a pass, a deferral, a success that cleared it). */
export function watchServerWait(): void {
  if (watching) return;
  watching = true;
  const refresh = () => void readServerWait().then(serverWait.set, () => serverWait.set(undefined));
  syncStatus.subscribe(refresh);
  refresh();
}
