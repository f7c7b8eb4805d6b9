import type { Outbox } from "../outbox";
import { BATCH_MAX_ITEMS, jsonBytes, planBatches } from "./batch";
import { defaultLocks, type LockManagerLike, withSyncLock } from "./lock";
import { addResults, describeError, emptyTally, type SyncOutcome } from "./outcome";
import { postBatch } from "./post-batch";
import { sendBatch } from "./send-batch";
import { getDeviceToken, getEndpoint } from "./settings";

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
}

/**
 * One pass that drains the pending records, oldest first, until none is left or a request fails.
 * Needs no window and no localStorage, so the service worker's Background Sync can call it.
 */
export function syncOnce(outbox: Outbox, options: SyncOnceOptions = {}): Promise<SyncOutcome> {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  return withSyncLock(
    locks,
    () => drain(outbox, options),
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
  // Walk forward from the last record taken, so items a 200 answer left out wait for the next pass
  // instead of being sent again and again in this one.
  let after: { queuedAt: number; id: string } | undefined;
  for (;;) {
    const pending = await outbox.takePending(options.maxItems ?? BATCH_MAX_ITEMS, after);
    const last = pending.at(-1);
    if (!last) return { kind: "done", ...tally };
    after = { queuedAt: last.queuedAt, id: last.id };
    const responses = pending.map((record) => record.response);
    for (const batch of planBatches(responses, jsonBytes, options.maxItems, options.maxBytes)) {
      const { results, failure } = await sendBatch(batch, post);
      await outbox.applyResults(results, now());
      addResults(tally, results, failure ? results.length : batch.length);
      if (failure) return { ...failure, ...tally };
    }
  }
}
