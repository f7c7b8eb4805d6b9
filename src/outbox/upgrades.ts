/**
 * The database's schema history, one function per version step. A step runs inside the
 * versionchange transaction and only ever adds: a device may skip versions (a tablet left in a
 * drawer for a year), so opening runs every step after the stored version, in order, and no step
 * may assume the app that wrote the data is the one just before it.
 *
 * Plain IndexedDB on purpose: a step is frozen once shipped, and must not change meaning when a
 * wrapper library changes. Each earlier version has a stored fixture (tests/outbox/fixtures/).
 */
export type UpgradeStep = (db: IDBDatabase, tx: IDBTransaction) => void;

export const RESPONSES_STORE = "responses";
export const SETTINGS_STORE = "settings";
export const DRAFTS_STORE = "drafts";
export const STATE_INDEX = "state";
export const STATE_QUEUED_INDEX = "state-queuedAt";
export const SENT_STORE = "sent";
export const SENT_ID_INDEX = "id";

/** v1: responses by id with their state indexes, and settings by key. */
function toVersion1(db: IDBDatabase): void {
  const responses = db.createObjectStore(RESPONSES_STORE, { keyPath: "id" });
  responses.createIndex(STATE_INDEX, "state");
  // Index entries with equal keys are ordered by primary key, so this gives queuedAt-then-id order.
  responses.createIndex(STATE_QUEUED_INDEX, ["state", "queuedAt"]);
  db.createObjectStore(SETTINGS_STORE);
}

/** v2: half-answered surveys, one per survey id; responses and settings are left as they are. */
function toVersion2(db: IDBDatabase): void {
  db.createObjectStore(DRAFTS_STORE, { keyPath: "surveyId" });
}

/**
 * v3: sent responses kept a batch to a value (sent-archive.ts), found by id through a multi-entry
 * index over each value's ids. Nothing is moved here: sent records that v1 and v2 left in responses
 * stay there, read like any other, until a change rewrites them (a receipt), which puts them in sent.
 */
function toVersion3(db: IDBDatabase): void {
  const sent = db.createObjectStore(SENT_STORE, { autoIncrement: true });
  sent.createIndex(SENT_ID_INDEX, "ids", { multiEntry: true });
}

/** Index i takes the database from version i to version i + 1. Append only. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [toVersion1, toVersion2, toVersion3];

export const DB_VERSION = UPGRADE_STEPS.length;

export function runUpgrades(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  for (let version = oldVersion; version < UPGRADE_STEPS.length; version++) UPGRADE_STEPS[version]?.(db, tx);
}
