/**
 * The database's schema history, one function per version step. A step runs inside the
 * versionchange transaction, all or nothing, and never loses a value: it adds stores, or moves
 * values as they are. A device may skip versions (a tablet left in a drawer for a year), so opening
 * runs every step after the stored version, in order, and no step may assume the app that wrote
 * the data is the one just before it.
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
 * v3: sent responses kept a batch to a value (db/sent-batch.ts), found by id through a multi-entry
 * index over each value's ids. Nothing was moved: v4 moves the sent records v1 and v2 left in responses.
 */
function toVersion3(db: IDBDatabase): void {
  const sent = db.createObjectStore(SENT_STORE, { autoIncrement: true });
  sent.createIndex(SENT_ID_INDEX, "ids", { multiEntry: true });
}

/** As many records to a sent-store value as a sync batch sends (src/sync/batch.ts, at v4). */
const LEGACY_BATCH = 100;

/**
 * v4: the sent records that v1 and v2 left in responses move to the sent store, their values as
 * they were, LEGACY_BATCH to a value in id order, so that every sent record is in the sent store and
 * nothing looks for one in responses again. A record whose key is not a string (not one the app
 * wrote: an id index entry must be a string) stays where it is, listed as it was.
 */
function toVersion4(_db: IDBDatabase, tx: IDBTransaction): void {
  const responses = tx.objectStore(RESPONSES_STORE);
  const sent = tx.objectStore(SENT_STORE);
  let batch: { ids: string[]; records: unknown[] } = { ids: [], records: [] };
  const flush = () => {
    if (batch.ids.length > 0) sent.add(batch);
    batch = { ids: [], records: [] };
  };
  const walk = responses.index(STATE_INDEX).openCursor("sent");
  walk.onsuccess = () => {
    const cursor = walk.result;
    if (!cursor) {
      flush();
      return;
    }
    if (typeof cursor.primaryKey === "string") {
      batch.ids.push(cursor.primaryKey);
      batch.records.push(cursor.value);
      cursor.delete();
      if (batch.ids.length === LEGACY_BATCH) flush();
    }
    cursor.continue();
  };
}

/** Index i takes the database from version i to version i + 1. Append only. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [toVersion1, toVersion2, toVersion3, toVersion4];

export const DB_VERSION = UPGRADE_STEPS.length;

export function runUpgrades(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  for (let version = oldVersion; version < UPGRADE_STEPS.length; version++) UPGRADE_STEPS[version]?.(db, tx);
}
