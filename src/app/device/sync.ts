import type { SyncEngine } from "../../sync/engine";
import type { SyncStatus } from "../../sync/status";
import { createStore } from "../store";
import { existingOutbox, getOutbox } from "./outbox";

/** The engine's status for the status bar and the thank-you screen; idle with zero counts until it runs. */
export const syncStatus = createStore<SyncStatus>({
  phase: "idle",
  counts: { pending: 0, sent: 0, rejected: 0, conflict: 0 },
});

// One per page, with the status above: two engines on one outbox would send the same batches twice
// and report two statuses for one queue.
let starting: Promise<SyncEngine> | undefined;

/**
 * Starts the page's sync engine once: it then syncs on start, online, visibility and its timer.
 * `manual`: its first run is a press of "Send now" (syncNow), when the press is what starts it.
 */
export function startSync(manual = false): Promise<SyncEngine> {
  starting ??= Promise.all([getOutbox(), import("./sync-chunk")])
    .then(([outbox, { createSyncEngine }]) => {
      const engine = createSyncEngine({ outbox });
      engine.subscribe(syncStatus.set);
      engine.start({ manual });
      syncStatus.set(engine.getStatus());
      return engine;
    })
    .catch((error: unknown) => {
      starting = undefined;
      throw error;
    });
  return starting;
}

/** Whether this page has asked for its engine: the server's wait is read only from then on (server-wait.ts). */
export const syncStarted = (): boolean => starting !== undefined;

/**
 * At the page's first idle moment: the engine, if the outbox holds any answer (to send, to purge
 * once its retention ends, or held, whose counts the status shows). An empty outbox, a respondent's
 * cold visit, has nothing to send or show (and a device that never made it is not made to load it): the engine's chunk (4 KB gzip) then loads with the first
 * answer saved (submit-response.ts) or a press of "Sync now", and every figure is 0 meanwhile, as the
 * engine itself would report.
 */
export async function startSyncIfHolding(): Promise<void> {
  const counts = await (await existingOutbox())?.counts();
  if (counts && Object.values(counts).some((count) => count > 0)) await startSync();
}

/** "Sync now": never rejects, the outcome shows in syncStatus. */
export async function syncNow(): Promise<void> {
  // A press that starts the engine is its first run: a second run asked beside it would follow the
  // first at once, past a wait the collector may have just asked for (e2e retry-after).
  if (starting === undefined) {
    await startSync(true).catch(() => undefined);
    return;
  }
  const engine = await startSync().catch(() => undefined);
  await engine?.syncNow();
}
