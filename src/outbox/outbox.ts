import type { ItemResult, Response } from "../survey";
import { DEFAULT_DB_NAME, OutboxDb, openDatabase } from "./outbox-db";
import { OutboxStore } from "./outbox-store";
import type { OutboxCounts, OutboxRecord, OutboxState } from "./record";

export interface Outbox {
  /** Checks the response and writes it durably; resolves only once the transaction has committed. */
  enqueue(response: Response): Promise<void>;
  /** Pending records, oldest first (queuedAt, then id); `after` continues from a record already taken. */
  takePending(limit: number, after?: { queuedAt: number; id: string }): Promise<OutboxRecord[]>;
  applyResults(results: ItemResult[], now?: number): Promise<void>;
  counts(): Promise<OutboxCounts>;
  list(filter?: { state?: OutboxState }): Promise<OutboxRecord[]>;
  getSetting<T = unknown>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
  close(): void;
}

export interface OpenOutboxOptions {
  name?: string;
  idbFactory?: IDBFactory;
  /** The clock stamped on queued records; injectable for tests. */
  now?: () => number;
}

export async function openOutbox(options: OpenOutboxOptions = {}): Promise<Outbox> {
  const factory = options.idbFactory ?? globalThis.indexedDB;
  if (!factory) throw new Error("IndexedDB is not available here");
  const db = new OutboxDb(await openDatabase(options.name ?? DEFAULT_DB_NAME, factory));
  const clock = options.now ?? Date.now;
  const store = new OutboxStore(db, clock);
  return {
    enqueue: (response) => store.enqueue(response),
    takePending: (limit, after) => store.takePending(limit, after),
    applyResults: (results, now) => store.applyResults(results, now ?? clock()),
    counts: () => store.counts(),
    list: async (filter) => {
      const records = await store.records();
      return filter?.state ? records.filter((r) => r.state === filter.state) : records;
    },
    getSetting: async <T>(key: string) => (await db.getSetting(key)) as T | undefined,
    setSetting: (key, value) => db.setSetting(key, value),
    close: () => db.close(),
  };
}
