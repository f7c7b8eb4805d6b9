import { type DBSchema, type IDBPDatabase, unwrap, wrap } from "idb";
import type { StoredDraft } from "./draft";
import { requested } from "./idb-requests";
import type { OutboxRecord, OutboxState } from "./record";
import {
  batchEntries,
  findArchived,
  isSentBatch,
  type Placed,
  type SentBatch,
  writePlaced,
} from "./sent-archive";
import { DB_VERSION, runUpgrades, SENT_ID_INDEX, STATE_INDEX, STATE_QUEUED_INDEX } from "./upgrades";

/**
 * The only module that imports idb: it owns the database's name, version and upgrade, and offers
 * raw operations (the schema's steps are in ./upgrades). Values come back as `unknown` on purpose: the store layer checks them.
 */
export const DEFAULT_DB_NAME = "tsunagu";
export { DB_VERSION, STATE_INDEX, STATE_QUEUED_INDEX };

/** What is written; reads are not trusted to match it. */
export type StoredRecord = Omit<OutboxRecord, "corrupt">;

export interface OutboxSchema extends DBSchema {
  responses: {
    key: string;
    value: StoredRecord;
    indexes: { [STATE_INDEX]: OutboxState; [STATE_QUEUED_INDEX]: [OutboxState, number] };
  };
  settings: { key: string; value: unknown };
  drafts: { key: string; value: StoredDraft };
  sent: { key: number; value: SentBatch; indexes: { [SENT_ID_INDEX]: string } };
}

export type OutboxDatabase = IDBPDatabase<OutboxSchema>;

/**
 * idb's openDB always uses the global indexedDB; this is its body with the factory passed in, so
 * tests can give each case a fresh in-memory factory.
 */
export async function openDatabase(name: string, factory: IDBFactory): Promise<OutboxDatabase> {
  const request = factory.open(name, DB_VERSION);
  request.addEventListener("upgradeneeded", (event) => {
    // The versionchange transaction is request.transaction; a step that throws aborts it whole,
    // so a failed upgrade leaves the previous version and its data as they were.
    if (request.transaction) runUpgrades(request.result, request.transaction, event.oldVersion);
  });
  const db = (await wrap(request)) as unknown as OutboxDatabase;
  // A newer version of the app in another tab must be able to upgrade: step aside instead of blocking it.
  db.addEventListener("versionchange", () => db.close());
  return db;
}

// Writes wait for the disk: "thank you" must survive a power cut on the tablet.
const STRICT: IDBTransactionOptions = { durability: "strict" };

/** Raw operations, each one transaction. */
export class OutboxDb {
  constructor(
    private readonly db: OutboxDatabase,
    /** The factory's key order (indexedDB.cmp), for primary keys compared outside a key range. */
    private readonly cmp: (a: IDBValidKey, b: IDBValidKey) => number,
  ) {}

  /**
   * Reads each id's stored value and writes what `change` returns, all in one transaction: durable
   * (committed only once on disk) unless `durability` is "relaxed". A value is looked for in
   * responses, then in the sent store; what is written goes where its state says (sent-archive.ts).
   */
  async modify(
    ids: readonly string[],
    change: (id: string, stored: unknown) => StoredRecord | undefined,
    options: {
      /** A survey whose draft goes in the same transaction: a submit stores the response and drops its draft together. */
      dropDraftOf?: string | undefined;
      durability?: IDBTransactionDurability;
      /**
       * Records the caller read in `state` moments ago, by id: each one the state index still lists
       * so, at its queue time, is written by `write`, its value not read again (reading a sync batch
       * back was a third of the drain benchmark's time). The others are read and given to `change`.
       */
      taken?: {
        state: OutboxState;
        records: ReadonlyMap<string, OutboxRecord>;
        write(record: OutboxRecord): StoredRecord | undefined;
      };
    } = {},
  ) {
    const { dropDraftOf, durability = "strict", taken } = options;
    const tx = this.db.transaction(["responses", "drafts", "sent"], "readwrite", { durability });
    // Plain requests, not idb's promise per request: a sync pass's write-back reads and writes a
    // whole batch, and the wrapping was a good part of its time on the page's thread (drain benchmark).
    const store = unwrap(tx.objectStore("responses"));
    const archive = unwrap(tx.objectStore("sent"));
    // All reads, then all writes, issued at once within the one transaction: awaiting each request
    // in turn cost two round trips to the browser's storage process per record.
    const unique = [...new Set(ids)];
    const work = (async () => {
      const listed = taken ? await stillListed(store, taken.state, taken.records, unique) : [];
      const written = new Set(listed.map((record) => record.id));
      const unread = unique.filter((id) => !written.has(id));
      const stored = await readMany(store, unread, this.cmp);
      const archived = await findArchived(
        archive,
        unread.filter((_, i) => stored[i] === undefined),
      );
      const placed: Placed[] = [];
      for (const record of listed) {
        const next = taken?.write(record);
        if (next) placed.push({ id: record.id, next, from: "queue" });
      }
      unread.forEach((id, i) => {
        const entry = archived.get(id);
        const next = change(id, stored[i] ?? entry?.stored);
        if (next) placed.push({ id, next, from: stored[i] !== undefined ? "queue" : (entry ?? "nowhere") });
      });
      // A failed write fails the transaction, and tx.done with it.
      await writePlaced(store, archive, placed, this.cmp);
      if (dropDraftOf !== undefined) unwrap(tx.objectStore("drafts")).delete(dropDraftOf);
    })();
    // All or nothing: a change that throws half-way must not leave the writes issued before it.
    work.catch(() => abortQuietly(tx));
    await Promise.all([work, tx.done]);
  }

  /**
   * Pending entries oldest first (queuedAt, then id), strictly after `after`, until `accept` has
   * taken `limit` of them. Read a page at a time with getAll: a cursor costs a round trip to the
   * browser's storage process per record (most of a sync pass's reading time, in the drain benchmark).
   */
  async pending<T>(
    limit: number,
    accept: (id: string, stored: unknown) => T | undefined,
    after?: { queuedAt: number; id: string },
  ): Promise<T[]> {
    const taken: T[] = [];
    const take = (id: string, stored: unknown) => {
      const value = accept(id, stored);
      if (value !== undefined) taken.push(value);
    };
    const index = this.db.transaction("responses").store.index(STATE_QUEUED_INDEX);
    let from = after;
    while (taken.length < limit) {
      if (from) {
        // A key range cannot say "this queuedAt, ids after this one": entries that share `from`'s
        // queuedAt are walked with a cursor from its id (ties are rare: two submits in one millisecond).
        const tie: [OutboxState, number] = ["pending", from.queuedAt];
        let cursor = await index.openCursor(IDBKeyRange.only(tie));
        if (cursor && this.cmp(cursor.primaryKey, from.id) < 0)
          cursor = await cursor.continuePrimaryKey(tie, from.id);
        if (cursor && this.cmp(cursor.primaryKey, from.id) === 0) cursor = await cursor.continue();
        while (cursor && taken.length < limit) {
          take(cursor.primaryKey, cursor.value);
          if (taken.length < limit) cursor = await cursor.continue();
        }
        if (taken.length >= limit) break;
      }
      const range = from
        ? IDBKeyRange.bound(["pending", from.queuedAt], ["pending", Infinity], true)
        : IDBKeyRange.bound(["pending", -Infinity], ["pending", Infinity]);
      const wanted = limit - taken.length;
      // Both in index order from one snapshot: the i-th key is the i-th value's.
      const { keys: ids, values } = await keysAndValues(unwrap(index), range, wanted);
      ids.forEach((id, i) => {
        take(id as string, values[i]);
      });
      const lastId = ids.at(-1) as string | undefined;
      if (ids.length < wanted || lastId === undefined) break; // none left
      // Some were not taken (corrupt): go on after the last one read, or a page of corrupt records
      // would end a sync pass early, as if the queue were empty. Its queuedAt is its index key's,
      // so a number, whatever else is wrong with the record.
      from = { queuedAt: (values.at(-1) as { queuedAt: number }).queuedAt, id: lastId };
    }
    return taken;
  }

  /** Every record of both stores, from one snapshot, as ids and the values to decode. */
  async all(): Promise<{ id: string; stored: unknown }[]> {
    const tx = this.db.transaction(["responses", "sent"]);
    const [out, sent] = await Promise.all([
      queuedEntries(unwrap(tx.objectStore("responses"))),
      keysAndValues(unwrap(tx.objectStore("sent")), IDBKeyRange.lowerBound(-Infinity), 2 ** 32 - 1),
    ]);
    sent.keys.forEach((key, i) => {
      out.push(...batchEntries(key, sent.values[i]));
    });
    return out;
  }

  /**
   * What counts() needs, from one snapshot: every entry of responses as its id and value, the keys of
   * the sent store, and the values of those keys for which `known` is false (a value under a key
   * never changes: sent-archive.ts).
   */
  async countsSnapshot(known: (key: number) => boolean): Promise<{
    queued: { id: string; stored: unknown }[];
    sentKeys: number[];
    unread: Map<number, unknown>;
  }> {
    const tx = this.db.transaction(["responses", "sent"]);
    const [queued, sent] = await Promise.all([
      queuedEntries(unwrap(tx.objectStore("responses"))),
      sentKeysAndNew(unwrap(tx.objectStore("sent")), known),
    ]);
    return { queued, ...sent };
  }

  /**
   * What the purge needs to choose what to read in its durable write: how many sent records v1 and
   * v2 left in responses, the sent store's keys, and the values of those `known` does not know.
   */
  async sentLook(known: (key: number) => boolean): Promise<{
    legacy: number;
    sentKeys: number[];
    unread: Map<number, unknown>;
  }> {
    const tx = this.db.transaction(["responses", "sent"]);
    const [legacy, sent] = await Promise.all([
      tx.objectStore("responses").index(STATE_INDEX).count("sent"),
      sentKeysAndNew(unwrap(tx.objectStore("sent")), known),
    ]);
    return { legacy, ...sent };
  }

  /**
   * Deletes the sent records for which `expired` says so, in one durable transaction: those v1 and
   * v2 left in responses, and those of the sent-store values under `candidates` (a value no longer
   * there is passed over); gives their ids. A damaged sent-store value is left whole; a value that
   * loses records is written under a new key.
   */
  async deleteSentWhere(
    expired: (id: string, stored: unknown) => boolean,
    candidates: readonly number[],
  ): Promise<string[]> {
    const tx = this.db.transaction(["responses", "sent"], "readwrite", STRICT);
    const deleted: string[] = [];
    const work = (async () => {
      const index = tx.objectStore("responses").index(STATE_INDEX);
      for (let cursor = await index.openCursor("sent"); cursor; cursor = await cursor.continue()) {
        if (!expired(cursor.primaryKey, cursor.value)) continue;
        deleted.push(cursor.primaryKey);
        await cursor.delete();
      }
      const archive = unwrap(tx.objectStore("sent"));
      const values = await Promise.all(candidates.map((key) => requested(archive.get(key))));
      candidates.forEach((key, k) => {
        const batch = values[k];
        if (!isSentBatch(batch)) return;
        const gone = batch.ids.map((id, i) => expired(id, batch.records[i]));
        if (!gone.includes(true)) return;
        deleted.push(...batch.ids.filter((_, i) => gone[i]));
        const ids = batch.ids.filter((_, i) => !gone[i]);
        archive.delete(key);
        if (ids.length > 0)
          archive.add({ ids, records: batch.records.filter((_, i) => !gone[i]) } satisfies SentBatch);
      });
    })();
    work.catch(() => abortQuietly(tx));
    await Promise.all([work, tx.done]);
    return deleted;
  }

  getDraft(surveyId: string): Promise<unknown> {
    return this.db.get("drafts", surveyId);
  }

  // A draft is often written just before the page goes away: commit() hands the transaction to the
  // browser at once instead of waiting for the page to come back from the request's event.
  /**
   * Replaces a queued record (one of `responses`, never a sent one) by `next` under another id, in
   * one durable transaction: `decide` reads the old value and gives the new record, or undefined to
   * change nothing. Either both writes land or neither, so an answer is never held twice or lost.
   */
  async replaceQueued(id: string, decide: (stored: unknown) => StoredRecord | undefined): Promise<boolean> {
    const tx = this.db.transaction("responses", "readwrite", STRICT);
    const next = decide(await tx.store.get(id));
    if (next === undefined || next.id === id) {
      tx.abort();
      await tx.done.catch(() => {});
      return false;
    }
    await Promise.all([tx.store.add(next), tx.store.delete(id), tx.done]);
    return true;
  }

  async putDraft(draft: StoredDraft): Promise<void> {
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

/** Every entry of responses as its id and value, within the caller's transaction. */
async function queuedEntries(store: IDBObjectStore): Promise<{ id: string; stored: unknown }[]> {
  const { keys, values } = await keysAndValues(store, IDBKeyRange.lowerBound(-Infinity), 2 ** 32 - 1);
  return keys.map((id, i) => ({ id: id as string, stored: values[i] }));
}

/** The sent store's keys, and the values of those `known` does not know, within the caller's transaction. */
async function sentKeysAndNew(
  archive: IDBObjectStore,
  known: (key: number) => boolean,
): Promise<{ sentKeys: number[]; unread: Map<number, unknown> }> {
  const sentKeys = (await requested(archive.getAllKeys())) as number[];
  const missing = sentKeys.filter((key) => !known(key));
  const read = await Promise.all(missing.map((key) => requested(archive.get(key))));
  return { sentKeys, unread: new Map(missing.map((key, i) => [key, read[i]])) };
}

/**
 * The records of `ids` that the state index still lists under `state` at their queue time: the
 * index's keys only, no value. Capped at twice as many entries as asked about: ids past a range
 * crowded with others (ties at one queue time) count as not listed, and are read.
 */
async function stillListed(
  store: IDBObjectStore,
  state: OutboxState,
  records: ReadonlyMap<string, OutboxRecord>,
  ids: readonly string[],
): Promise<OutboxRecord[]> {
  const asked = ids.flatMap((id) => records.get(id) ?? []);
  if (asked.length === 0) return [];
  const times = asked.map((record) => record.queuedAt);
  const range = IDBKeyRange.bound([state, Math.min(...times)], [state, Math.max(...times)]);
  const keys = await requested(store.index(STATE_QUEUED_INDEX).getAllKeys(range, asked.length * 2));
  const listed = new Set(keys);
  return asked.filter((record) => listed.has(record.id));
}

/**
 * The values of `ids`, in order (undefined where there is none). A sync batch's ids are neighbours
 * in key order (uuidv7 ids follow submit time, and a batch is a run of the queue), so the range they
 * span is read at once (keysAndValues) instead of one request each; when that range holds more than
 * twice as many records as asked for, each id is read on its own instead.
 */
async function readMany(
  store: IDBObjectStore,
  ids: readonly string[],
  cmp: (a: IDBValidKey, b: IDBValidKey) => number,
): Promise<unknown[]> {
  const sorted = [...ids].sort(cmp);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (ids.length < 2 || first === undefined || last === undefined) return getEach(store, ids);
  const range = IDBKeyRange.bound(first, last);
  const cap = ids.length * 2;
  const { keys, values } = await keysAndValues(store, range, cap);
  if (keys.length >= cap) return getEach(store, ids);
  // The whole range was listed: an id not in it is not stored.
  const byKey = new Map<IDBValidKey, unknown>();
  keys.forEach((key, i) => {
    byKey.set(key, values[i]);
  });
  return ids.map((id) => byKey.get(id));
}

interface RecordsReader {
  getAllRecords?(options: {
    query: IDBKeyRange;
    count: number;
  }): IDBRequest<{ primaryKey: IDBValidKey; value: unknown }[]>;
}

/**
 * The primary keys and values of up to `count` entries of `range`, in order. One request where the
 * browser has getAllRecords (Chromium 141 on): keys and values read in one walk, where getAllKeys
 * and getAll walk the same entries twice (the sync pass's reads, in the drain benchmark); elsewhere
 * those two, over the one snapshot of the transaction, so the i-th value is the i-th key's.
 */
async function keysAndValues(
  source: IDBObjectStore | IDBIndex,
  range: IDBKeyRange,
  count: number,
): Promise<{ keys: IDBValidKey[]; values: unknown[] }> {
  const reader = source as (IDBObjectStore | IDBIndex) & RecordsReader;
  if (typeof reader.getAllRecords === "function") {
    const records = await requested(reader.getAllRecords({ query: range, count }));
    return { keys: records.map((r) => r.primaryKey), values: records.map((r) => r.value) };
  }
  const [keys, values] = await Promise.all([
    requested(source.getAllKeys(range, count)),
    requested(source.getAll(range, count)),
  ]);
  return { keys, values };
}

/** The values of `keys`, in order, each read by its own request within the one transaction. */
function getEach(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const values = new Array<unknown>(keys.length);
    let left = keys.length;
    if (left === 0) resolve(values);
    keys.forEach((key, i) => {
      const request = store.get(key);
      request.onsuccess = () => {
        values[i] = request.result;
        if (--left === 0) resolve(values);
      };
      request.onerror = () => reject(request.error);
    });
  });
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was left to undo.
  }
}
