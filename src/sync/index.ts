export { backgroundSyncPass, SyncDeferredError } from "./background-pass";
export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_HIDDEN_MS,
  BACKOFF_CAP_VISIBLE_MS,
  BACKOFF_MIN_MS,
  backoffDelay,
  parseRetryAfter,
  RETRY_AFTER_MAX_MS,
  retryDelay,
} from "./backoff";
export { BATCH_MAX_BYTES, BATCH_MAX_ITEMS, jsonBytes, planBatches } from "./batch";
export { createSyncEngine, type SyncEngine, type SyncEngineOptions } from "./engine";
export { type LockManagerLike, SYNC_LOCK } from "./lock";
export { NOT_BEFORE_KEY, NOT_BEFORE_MAX_MS, type NotBeforePolicy } from "./not-before";
export type { SyncFailure, SyncOutcome, SyncTally } from "./outcome";
export {
  checkReceipts,
  ReceiptsError,
  type ReceiptsOptions,
  type ReceiptsReport,
  requeueUnconfirmed,
} from "./receipts";
export type { Timers } from "./runner";
export { TOO_LARGE_REASON } from "./send-batch";
export {
  getDeviceToken,
  getEndpoint,
  SETTINGS_CHANNEL,
  SettingsError,
  setDeviceToken,
  setEndpoint,
} from "./settings";
export { IDLE_INTERVAL_MS, type SyncPhase, type SyncStatus } from "./status";
export { type SyncOnceOptions, syncOnce } from "./sync-once";
export { BACKGROUND_SYNC_TAG, requestBackgroundSync } from "./triggers";
