/**
 * What the page loads of the sync engine, after its first paint (startSync) and for the status
 * bar's server wait: one dynamic import target, so the two share one chunk. Named from their
 * modules, not from src/sync/index.ts, which would bring the receipts check (and its schemas) along
 * on every visit: that loads with the settings screen that asks for it (collector/receipts.ts).
 */
export { createSyncEngine } from "../../sync/engine";
export { NOT_BEFORE_KEY, NOT_BEFORE_MAX_MS } from "../../sync/not-before";
export { requestBackgroundSync } from "../../sync/triggers";
