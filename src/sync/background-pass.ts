import type { Outbox } from "../outbox";
import { type SyncOnceOptions, syncOnce } from "./sync-once";

/** The rejection of a Background Sync event that came before the device's not-before time. */
export class SyncDeferredError extends Error {
  override name = "SyncDeferredError";
  constructor(readonly until: number) {
    super(`the collector asked this device to wait until ${new Date(until).toISOString()}`);
  }
}

/**
 * What the service worker's Background Sync event runs: one pass that keeps to the shared
 * not-before time (not-before.ts), then the purge of sent responses past their retention.
 *
 * Rejecting tells the browser to keep the registration and fire it again later, with its own
 * backoff (minutes in Chromium). So a pass that failed, and one that came too early and sent
 * nothing, both reject: the pending records stay in the outbox and the browser comes back for them
 * even with every tab closed. Resolving instead would end the registration, and the records would
 * wait for the app's next start. No wait we write outlasts Chromium's first retry (5 minutes).
 */
export async function backgroundSyncPass(
  outbox: Outbox,
  options: Omit<SyncOnceOptions, "notBefore"> = {},
): Promise<void> {
  const outcome = await syncOnce(outbox, { ...options, notBefore: { honour: true } });
  await outbox.purgeExpired(options.now?.()).catch(() => []);
  if (outcome.kind === "deferred") throw new SyncDeferredError(outcome.until);
  if (outcome.kind === "offline" || outcome.kind === "error") throw new Error(outcome.error);
}
