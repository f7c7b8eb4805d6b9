import { type DBSchema, type IDBPDatabase, unwrap, wrap } from "idb";
import type { Draft } from "../draft";
import type { OutboxState, StoredRecord } from "../record";
import { DB_VERSION, runUpgrades, SENT_ID_INDEX, STATE_INDEX, STATE_QUEUED_INDEX } from "../upgrades";
import { type Listed, locate } from "./locate";
import { DEFAULT_DB_NAME } from "./name";
import { type PendingPage, pendingPage, type QueuePosition } from "./pending-page";
import { place } from "./place";
import { allEntries, type Entry, inTransaction, type KeyOrder } from "./requests";
import { allSent, readSent, removeFromBatches, type SentBatch, type SentRead } from "./sent-batch";

/**
 * The database's owner, and the only module that imports idb: its name, its version and its
 * upgrade (the steps are in ../upgrades.ts), and raw operations, each one transaction. Values come
 * back as `unknown` on purpose: the store (../outbox-store.ts) checks them. The plain-IndexedDB
 * work inside those transactions is in this folder, one file a concern.
 */
export { DB_VERSION, DEFAULT_DB_NAME };

interface OutboxSchema extends DBSchema {
  responses: {
    key: string;
    value: StoredRecord;
    indexes: { [STATE_INDEX]: OutboxState; [STATE_QUEUED_INDEX]: [OutboxState, number] };
  };
  settings: { key: string; value: unknown };
  drafts: { key: string; value: Draft };
  sent: { key: number; value: SentBatch; indexes: { [SENT_ID_INDEX]: string } };
}

// Writes wait for the disk: "thank you" must survive a power cut on the tablet.
const STRICT: IDBTransactionOptions = { durability: "strict" };

export class OutboxDb {
  private constructor(
    private readonly db: IDBPDatabase<OutboxSchema>,
    /** The factory's key order (indexedDB.cmp), for primary keys compared outside a key range. */
    private readonly cmp: KeyOrder,
  ) {}

  /** idb's openDB always uses the global indexedDB; this is its body with the factory passed in (tests). */
  static async open(name: string, factory: IDBFactory): Promise<OutboxDb> {
    const request = factory.open(name, DB_VERSION);
    request.addEventListener("upgradeneeded", (event) => {
      // The versionchange transaction is request.transaction; a step that throws aborts it whole,
      // so a failed upgrade leaves the previous version and its data as they were.
      if (request.transaction) runUpgrades(request.result, request.transaction, event.oldVersion);
    });
    const db = (await wrap(request)) as unknown as IDBPDatabase<OutboxSchema>;
    // A newer version of the app in another tab must be able to upgrade: step aside instead of blocking it.
    db.addEventListener("versionchange", () => db.close());
    return new OutboxDb(db, (a, b) => factory.cmp(a, b));
  }

  /**
   * Writes `record` unless its id is held already, and deletes the draft of `dropDraftOf`, in one
   * durable transaction (a submit stores the response and drops its draft together). Gives the
   * value held under the id, if any; nothing was written for the record then.
   */
  add(record: StoredRecord, dropDraftOf?: string): Promise<unknown> {
    const tx = this.db.transaction(["responses", "drafts", "sent"], "readwrite", STRICT);
    const [queue, archive] = [unwrap(tx.objectStore("responses")), unwrap(tx.objectStore("sent"))];
    return inTransaction(tx, async () => {
      const [found] = await locate(queue, archive, [record.id], this.cmp);
      if (found?.from === "nowhere") await place(queue, archive, [{ ...found, next: record }], this.cmp);
      if (dropDraftOf !== undefined) unwrap(tx.objectStore("drafts")).delete(dropDraftOf);
      return found?.stored;
    });
  }

  /**
   * Reads each id's value (undefined if none) and writes what `next` returns for it, placed where
   * its state says (./place.ts), in one transaction; gives the ids written. The one method that
   * takes a function: a change that depends on what is stored must be decided inside the
   * transaction that writes it, and synchronously, for a transaction commits as soon as it has no
   * request left. `listed`: records still listed as given are handed to `next` as those copies.
   */
  update(
    ids: readonly string[],
    next: (id: string, stored: unknown) => StoredRecord | undefined,
    options: { durability?: IDBTransactionDurability; listed?: Listed } = {},
  ): Promise<string[]> {
    const { durability = "strict", listed } = options;
    const tx = this.db.transaction(["responses", "sent"], "readwrite", { durability });
    const [queue, archive] = [unwrap(tx.objectStore("responses")), unwrap(tx.objectStore("sent"))];
    return inTransaction(tx, async () => {
      const found = await locate(queue, archive, [...new Set(ids)], this.cmp, listed);
      const placed = found.flatMap((entry) => {
        const record = next(entry.id, entry.stored);
        return record ? [{ ...entry, next: record }] : [];
      });
      // A failed write fails the transaction, and its commit with it.
      await place(queue, archive, placed, this.cmp);
      return placed.map((entry) => entry.id);
    });
  }

  /**
   * Puts `next` in place of the record `id` of responses, in one durable transaction, if that
   * record's state is still `state`: both writes land or neither, so an answer is never held twice
   * or lost. Gives false, writing nothing, when it is not, or when `next` has the same id.
   */
  async replace(id: string, state: OutboxState, next: StoredRecord): Promise<boolean> {
    if (next.id === id) return false;
    const tx = this.db.transaction("responses", "readwrite", STRICT);
    const stored: unknown = await tx.store.get(id);
    if ((stored as Partial<StoredRecord> | undefined)?.state !== state) {
      tx.abort();
      await tx.done.catch(() => {});
      return false;
    }
    await Promise.all([tx.store.add(next), tx.store.delete(id), tx.done]);
    return true;
  }

  /** The value of `id` in responses (not a sent one). */
  getQueued(id: string): Promise<unknown> {
    return this.db.get("responses", id);
  }

  /** A page of the pending queue (./pending-page.ts), from one snapshot. */
  pending(count: number, after?: QueuePosition): Promise<PendingPage> {
    const index = this.db.transaction("responses").store.index(STATE_QUEUED_INDEX);
    return pendingPage(unwrap(index), count, this.cmp, after);
  }

  /** Every record of both stores, from one snapshot. */
  async all(): Promise<Entry[]> {
    const tx = this.db.transaction(["responses", "sent"]);
    const read = await Promise.all([
      allEntries(unwrap(tx.objectStore("responses"))),
      allSent(unwrap(tx.objectStore("sent"))),
    ]);
    return read.flat();
  }

  /** Every entry of responses, and the sent store read as ./sent-batch.ts readSent reads it, from one snapshot. */
  async countsSnapshot(known: { has(key: number): boolean }): Promise<{ queued: Entry[]; sent: SentRead }> {
    const tx = this.db.transaction(["responses", "sent"]);
    const [queued, sent] = await Promise.all([
      allEntries(unwrap(tx.objectStore("responses"))),
      readSent(unwrap(tx.objectStore("sent")), known),
    ]);
    return { queued, sent };
  }

  /** The sent store's keys, and the entries of the values under keys `known` does not have. */
  sentSnapshot(known: { has(key: number): boolean }): Promise<SentRead> {
    return readSent(unwrap(this.db.transaction("sent").store), known);
  }

  /**
   * Deletes the given ids from the sent-store values under the given keys, in one durable
   * transaction; gives the ids deleted. A key no longer there is passed over: its value was changed
   * (in another tab) since it was read, and what replaced it is judged on its own read. A key still
   * there holds what was read of it (./sent-batch.ts), so the ids were chosen from what it holds.
   */
  removeSent(cuts: ReadonlyMap<number, readonly string[]>): Promise<string[]> {
    const tx = this.db.transaction("sent", "readwrite", STRICT);
    return inTransaction(tx, () => removeFromBatches(unwrap(tx.store), cuts));
  }

  getDraft(surveyId: string): Promise<unknown> {
    return this.db.get("drafts", surveyId);
  }

  // A draft is often written just before the page goes away: commit() hands the transaction to the
  // browser at once instead of waiting for the page to come back from the request's event.
  async putDraft(draft: Draft): Promise<void> {
    const tx = this.db.transaction("drafts", "readwrite", STRICT);
    const put = tx.store.put(draft);
    tx.commit?.();
    await Promise.all([put, tx.done]);
  }

  async deleteDraft(surveyId: string): Promise<void> {
    const tx = this.db.transaction("drafts", "readwrite", STRICT);
    const removed = tx.store.delete(surveyId);
    tx.commit?.();
    await Promise.all([removed, tx.done]);
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
