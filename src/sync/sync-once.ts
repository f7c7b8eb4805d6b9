import type { Outbox, OutboxRecord } from "../outbox";
import { BATCH_MAX_ITEMS, BATCHES_PER_READ, jsonBytes, planBatches, travelsSignedIn } from "./batch";
import { defaultLocks, type LockManagerLike, withSyncLock } from "./lock";
import { type NotBeforePolicy, passNotBefore } from "./not-before";
import { addResults, describeError, emptyTally, type SyncOutcome } from "./outcome";
import { postBatch } from "./post-batch";
import { sendBatch } from "./send-batch";
import { getDeviceToken, getEndpoint } from "./settings";
import { ahead, writeBackSlot } from "./write-back";

export interface SyncOnceOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** null: no cross-context lock; default: navigator.locks where it exists. */
  locks?: LockManagerLike | null;
  /** Already read by the caller; otherwise read from the outbox's settings. */
  endpoint?: string;
  token?: string | undefined;
  maxItems?: number;
  maxBytes?: number;
  /**
   * The app's runners (the engine, Background Sync) pass one, so that they keep to the device's
   * shared not-before time and set it (not-before.ts). Without it, a bare pass that ignores it: for
   * tools and tests that pace passes themselves.
   */
  notBefore?: NotBeforePolicy;
}

/**
 * One pass that drains the pending records, oldest first, until none is left or a request fails.
 * Needs no window and no localStorage, so the service worker's Background Sync can call it.
 */
export function syncOnce(outbox: Outbox, options: SyncOnceOptions = {}): Promise<SyncOutcome> {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const policy = options.notBefore;
  return withSyncLock(
    locks,
    () =>
      policy
        ? passNotBefore(outbox, options.now ?? Date.now, policy, () => drain(outbox, options))
        : drain(outbox, options),
    (): SyncOutcome => ({ kind: "busy", ...emptyTally() }),
  );
}

async function drain(outbox: Outbox, options: SyncOnceOptions): Promise<SyncOutcome> {
  const tally = emptyTally();
  const now = options.now ?? Date.now;
  let endpoint: string;
  let token: string | undefined;
  try {
    endpoint = options.endpoint ?? (await getEndpoint(outbox));
    token = "token" in options ? options.token : await getDeviceToken(outbox);
  } catch (error) {
    return { kind: "error", error: describeError(error), ...tally };
  }
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const post = (batch: Parameters<typeof postBatch>[0]) =>
    postBatch(batch, { endpoint, token, fetch: fetchFn, now });
  const pageSize = (options.maxItems ?? BATCH_MAX_ITEMS) * BATCHES_PER_READ;
  const writeBacks = writeBackSlot();
  let nextPage: Promise<OutboxRecord[]> | undefined;
  try {
    // Walk forward from the last record taken, so items a 200 answer left out wait for the next pass
    // instead of being sent again and again in this one.
    let after: { queuedAt: number; id: string } | undefined;
    let page = await outbox.takePending(pageSize, after);
    for (;;) {
      const last = page.at(-1);
      if (!last) {
        if (after === undefined) return { kind: "done", ...tally };
        // That page was read while the last batch was on its way; read again once its results are
        // written, so that a response queued meanwhile still goes in this pass, as before pipelining.
        await writeBacks.settled();
        page = await outbox.takePending(pageSize, after);
        if (page.length === 0) return { kind: "done", ...tally };
        continue;
      }
      after = { queuedAt: last.queuedAt, id: last.id };
      // Pipelined: the next page is read, and each batch's results are written back, while a POST
      // is in flight. The next page starts after this one's last record, so it holds none of the
      // records whose results are still being written.
      nextPage = ahead(outbox.takePending(pageSize, after));
      const taken = page;
      const responses = taken.map((record) => record.response);
      for (const batch of planBatches(responses, jsonBytes, options.maxItems, options.maxBytes, (r) =>
        String(travelsSignedIn(r)),
      )) {
        const { results, failure } = await sendBatch(batch, post);
        await writeBacks.start(() => outbox.applyResults(results, now(), taken));
        addResults(tally, results, failure ? results.length : batch.length);
        if (failure) {
          await writeBacks.settled();
          return { ...failure, ...tally };
        }
      }
      page = await nextPage;
    }
  } finally {
    // Whatever ends the pass, it ends with nothing of its own still running in the outbox: no write,
    // no read ahead. Their errors, where they matter, were thrown above.
    await Promise.allSettled([writeBacks.settled(), nextPage]);
  }
}
