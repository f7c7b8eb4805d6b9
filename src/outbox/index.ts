/*
 * The outbox's public API: what src/app, src/sync and src/sw.ts import. Three layers below it, as
 * workbox-background-sync's Queue, QueueStore and QueueDb: ./outbox.ts (the Outbox), ./outbox-store.ts
 * (meaning: checks, decoding, ./transitions.ts), ./db/ (the database's owner: raw IndexedDB only).
 */
export { DB_VERSION, DEFAULT_DB_NAME } from "./db/outbox-db";
export { type Draft, decodeDraft } from "./draft";
export { OutboxConflictError, OutboxValidationError } from "./errors";
export { type OpenOutboxOptions, type Outbox, openOutbox } from "./outbox";
export { type PersistenceReport, requestPersistence } from "./persistence";
export {
  CORRUPT_REASON,
  emptyCounts,
  OUTBOX_STATES,
  type OutboxCounts,
  type OutboxRecord,
  type OutboxState,
} from "./record";
export {
  DAY_MS,
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  RETENTION_DAYS_KEY,
  RetentionError,
} from "./retention";
export { UPGRADE_STEPS } from "./upgrades";
