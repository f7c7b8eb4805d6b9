export { type Draft, decodeDraft } from "./draft";
export { type OpenOutboxOptions, type Outbox, openOutbox } from "./outbox";
export { DB_VERSION, DEFAULT_DB_NAME } from "./outbox-db";
export { OutboxConflictError, OutboxValidationError } from "./outbox-store";
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
