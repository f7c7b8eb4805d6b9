import type { ItemResult } from "../contract/responses";
import type { Response } from "../domain/response";
import { DEFAULT_DB_NAME, OutboxDb } from "./db/outbox-db";
import type { QueuePosition } from "./db/pending-page";
import type { Draft } from "./draft";
import { OutboxStore } from "./outbox-store";
import type { OutboxCounts, OutboxRecord, OutboxState } from "./record";

/** The outbox as the app, the sync and the service worker use it. */
export interface Outbox {
  /**
   * Checks the response and writes it durably; resolves only once the transaction has committed.
   * `options.discardDraft`: that survey's draft is deleted in the same transaction, so a crash can
   * never leave both the stored response and a draft offering to answer it again.
   */
  enqueue(response: Response, options?: { discardDraft?: string }): Promise<void>;
  /** Pending records, oldest first (queuedAt, then id); `after` continues from a record already taken. */
  takePending(limit: number, after?: QueuePosition): Promise<OutboxRecord[]>;
  /**
   * A batch's results. `taken`, the records they are for as takePending gave them: those still
   * pending are written from these copies instead of being read again.
   */
  applyResults(results: ItemResult[], now?: number, taken?: readonly OutboxRecord[]): Promise<void>;
  counts(): Promise<OutboxCounts>;
  list(filter?: { state?: OutboxState }): Promise<OutboxRecord[]>;
  /** Deletes sent records older than the retention period; gives their ids. */
  purgeExpired(now?: number): Promise<string[]>;
  getRetentionDays(): Promise<number>;
  setRetentionDays(days: number): Promise<void>;
  /** The collector's receipts: confirmedAt set on `stored`, cleared on `missing` (sent records only). */
  recordReceipts(stored: readonly string[], missing: readonly string[], now?: number): Promise<void>;
  requeue(ids: readonly string[]): Promise<string[]>;
  /** A response in conflict, queued again under `newId` (the old record goes); false if it was not in conflict. */
  keepAsNew(id: string, newId: string): Promise<boolean>;
  /** The draft of a survey, or undefined when there is none or it is damaged. */
  getDraft(surveyId: string): Promise<Draft | undefined>;
  putDraft(draft: Draft): Promise<void>;
  deleteDraft(surveyId: string): Promise<void>;
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
  const db = await OutboxDb.open(options.name ?? DEFAULT_DB_NAME, factory);
  const clock = options.now ?? Date.now;
  const store = new OutboxStore(db, clock);
  return {
    enqueue: (response, opts) => store.enqueue(response, opts?.discardDraft),
    takePending: (limit, after) => store.takePending(limit, after),
    applyResults: (results, now, taken) => store.applyResults(results, now ?? clock(), taken),
    counts: () => store.counts(),
    list: async (filter) => {
      const records = await store.records();
      return filter?.state ? records.filter((r) => r.state === filter.state) : records;
    },
    purgeExpired: (at) => store.purgeExpired(at ?? clock()),
    getRetentionDays: () => store.retentionDays(),
    setRetentionDays: (days) => store.setRetentionDays(days),
    recordReceipts: (stored, missing, at) => store.recordReceipts(stored, missing, at ?? clock()),
    requeue: (ids) => store.requeue(ids),
    keepAsNew: (id, newId) => store.keepAsNew(id, newId),
    getDraft: (surveyId) => store.draft(surveyId),
    putDraft: (draft) => store.putDraft(draft),
    deleteDraft: (surveyId) => db.deleteDraft(surveyId),
    getSetting: async <T>(key: string) => (await db.getSetting(key)) as T | undefined,
    setSetting: (key, value) => db.setSetting(key, value),
    close: () => db.close(),
  };
}
