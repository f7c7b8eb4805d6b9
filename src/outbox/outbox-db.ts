import { type DBSchema, type IDBPDatabase, wrap } from "idb";
import type { OutboxRecord, OutboxState } from "./record";

/**
 * The only module that imports idb: it owns the database's name, version and upgrade, and offers
 * raw operations. Values come back as `unknown` on purpose: the store layer checks them.
 */
export const DEFAULT_DB_NAME = "tsunagu";
export const DB_VERSION = 1;
export const STATE_INDEX = "state";
export const STATE_QUEUED_INDEX = "state-queuedAt";

/** What is written; reads are not trusted to match it. */
export type StoredRecord = Omit<OutboxRecord, "corrupt">;

export interface OutboxSchema extends DBSchema {
  responses: {
    key: string;
    value: StoredRecord;
    indexes: { [STATE_INDEX]: OutboxState; [STATE_QUEUED_INDEX]: [OutboxState, number] };
  };
  settings: { key: string; value: unknown };
}

export type OutboxDatabase = IDBPDatabase<OutboxSchema>;

function upgrade(db: OutboxDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const responses = db.createObjectStore("responses", { keyPath: "id" });
    responses.createIndex(STATE_INDEX, "state");
    // Index entries with equal keys are ordered by primary key, so this gives queuedAt-then-id order.
    responses.createIndex(STATE_QUEUED_INDEX, ["state", "queuedAt"]);
    db.createObjectStore("settings");
  }
}

/**
 * idb's openDB always uses the global indexedDB; this is its body with the factory passed in, so
 * tests can give each case a fresh in-memory factory.
 */
export async function openDatabase(name: string, factory: IDBFactory): Promise<OutboxDatabase> {
  const request = factory.open(name, DB_VERSION);
  request.addEventListener("upgradeneeded", (event) => {
    upgrade(wrap(request.result) as unknown as OutboxDatabase, event.oldVersion);
  });
  const db = (await wrap(request)) as unknown as OutboxDatabase;
  // A newer version of the app in another tab must be able to upgrade: step aside instead of blocking it.
  db.addEventListener("versionchange", () => db.close());
  return db;
}

// Writes wait for the disk: "thank you" and "sent" must survive a power cut on the tablet.
const STRICT: IDBTransactionOptions = { durability: "strict" };

/** Raw operations, each one transaction. */
export class OutboxDb {
  constructor(private readonly db: OutboxDatabase) {}

  /** Reads each id's stored value and writes what `change` returns, all in one durable transaction. */
  async modify(ids: readonly string[], change: (id: string, stored: unknown) => StoredRecord | undefined) {
    const tx = this.db.transaction("responses", "readwrite", STRICT);
    const work = (async () => {
      for (const id of ids) {
        const next = change(id, await tx.store.get(id));
        if (next) await tx.store.put(next);
      }
    })();
    await Promise.all([work, tx.done]);
  }

  /** Pending entries oldest first, strictly after `after`, until `accept` has taken `limit` of them. */
  async pending<T>(
    limit: number,
    accept: (id: string, stored: unknown) => T | undefined,
    after?: { queuedAt: number; id: string },
  ): Promise<T[]> {
    const taken: T[] = [];
    if (limit <= 0) return taken;
    const range = IDBKeyRange.bound(["pending", after?.queuedAt ?? -Infinity], ["pending", Infinity]);
    const index = this.db.transaction("responses").store.index(STATE_QUEUED_INDEX);
    for (let cursor = await index.openCursor(range); cursor; cursor = await cursor.continue()) {
      const id = cursor.primaryKey;
      if (after && cursor.key[1] === after.queuedAt && id <= after.id) continue;
      const value = accept(id, cursor.value);
      if (value !== undefined) taken.push(value);
      if (taken.length >= limit) break;
    }
    return taken;
  }

  async all(): Promise<{ id: string; stored: unknown }[]> {
    const out: { id: string; stored: unknown }[] = [];
    const store = this.db.transaction("responses").store;
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue())
      out.push({ id: cursor.primaryKey, stored: cursor.value });
    return out;
  }

  getSetting(key: string): Promise<unknown> {
    return this.db.get("settings", key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction("settings", "readwrite", STRICT);
    await Promise.all([value === undefined ? tx.store.delete(key) : tx.store.put(value, key), tx.done]);
  }

  close(): void {
    this.db.close();
  }
}
