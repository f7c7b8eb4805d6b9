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
