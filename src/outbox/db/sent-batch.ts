import type { StoredRecord } from "../record";
import { SENT_ID_INDEX } from "../upgrades";
import { ALL, type Entry, getEach, keysAndValues, requested } from "./requests";

/*
 * Where a record lives follows from its state: a sent one in the sent store, a batch of them to a
 * value; any other in responses, one to a value. Sent records are final and only ever read, listed,
 * confirmed or expired, so they need no index of their own but their ids. A sync pass's write-back
 * was one put per response, and each put costs Chromium's storage backend about as much however
 * small the value (the drain benchmark's largest cost); moving a batch of 100 is one delete of their
 * key range in responses and one put here, about a seventh of the work.
 *
 * A sent-store value is never rewritten under its key: a change (a receipt, a requeue, an expiry)
 * deletes it and adds what is left under a new key, and the store's key generator never gives a key
 * twice. So a key names one content for good, in every tab, and what was read of it once stays true:
 * the counts and the purge read only the values added since (../sent-summaries.ts), and the purge
 * deletes what it chose from a value read earlier, if that key is still there (./outbox-db.ts).
 */

/** A value of the sent store: records[i] is ids[i]'s, ids being what the store's index reads. */
export interface SentBatch {
  ids: string[];
  records: StoredRecord[];
}

/** The key under which list() shows a sent-store value too damaged to say what it holds. */
export const DAMAGED_BATCH_PREFIX = "sent-batch-";

/** The shape only: each record in it is checked on read like any other. */
export function isSentBatch(value: unknown): value is SentBatch {
  if (!value || typeof value !== "object") return false;
  const { ids, records } = value as Partial<SentBatch>;
  return (
    Array.isArray(ids) &&
    Array.isArray(records) &&
    ids.length === records.length &&
    ids.every((id) => typeof id === "string")
  );
}

/** Each record of a sent-store value as an entry; a damaged value is one entry of its own. */
export function batchEntries(key: IDBValidKey, value: unknown): Entry[] {
  if (!isSentBatch(value)) return [{ id: `${DAMAGED_BATCH_PREFIX}${String(key)}`, stored: value }];
  return value.ids.map((id, i) => ({ id, stored: value.records[i] }));
}

/**
 * What is left of the value under `key`, written under a new key (nothing, when nothing is left):
 * the one way a sent-store value changes, so that a key never names two contents.
 */
export function rewriteBatch(archive: IDBObjectStore, key: IDBValidKey, left: SentBatch): void {
  archive.delete(key);
  if (left.ids.length > 0) archive.add(left);
}

/** An id's place in the sent store. `batch` is undefined when its value is damaged; `stored` is then that value. */
export interface ArchivedEntry {
  key: IDBValidKey;
  batch: SentBatch | undefined;
  position: number;
  stored: unknown;
}

/** Where each of `ids` is in the sent store, for those it holds. Entries of one batch share its value. */
export async function findArchived(
  archive: IDBObjectStore,
  ids: readonly string[],
): Promise<Map<string, ArchivedEntry>> {
  const found = new Map<string, ArchivedEntry>();
  if (ids.length === 0) return found;
  const index = archive.index(SENT_ID_INDEX);
  const keys = await Promise.all(ids.map((id) => requested(index.getKey(id))));
  const distinct = [...new Set(keys.filter((key) => key !== undefined))];
  const values = await Promise.all(distinct.map((key) => requested(archive.get(key))));
  const batches = new Map(distinct.map((key, i) => [key, values[i]]));
  ids.forEach((id, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const value = batches.get(key);
    if (!isSentBatch(value)) {
      found.set(id, { key, batch: undefined, position: -1, stored: value });
      return;
    }
    const position = value.ids.indexOf(id);
    found.set(id, { key, batch: value, position, stored: value.records[position] });
  });
  return found;
}

/** The sent store's keys, and the entries of the values under those not known yet. */
export interface SentRead {
  keys: number[];
  unread: Map<number, Entry[]>;
}

/** The sent store read within the caller's transaction: every key, and the values `known` does not have. */
export async function readSent(
  archive: IDBObjectStore,
  known: { has(key: number): boolean },
): Promise<SentRead> {
  const keys = (await requested(archive.getAllKeys())) as number[];
  const missing = keys.filter((key) => !known.has(key));
  const values = await getEach(archive, missing);
  return { keys, unread: new Map(missing.map((key, i) => [key, batchEntries(key, values[i])])) };
}

/** Every record of the sent store, within the caller's transaction. */
export async function allSent(archive: IDBObjectStore): Promise<Entry[]> {
  const { keys, values } = await keysAndValues(archive, IDBKeyRange.lowerBound(-Infinity), ALL);
  return keys.flatMap((key, i) => batchEntries(key, values[i]));
}

/**
 * Deletes the given ids from the values under the given keys, within the caller's transaction;
 * gives the ids deleted. A key no longer there, or a damaged value, is passed over.
 */
export async function removeFromBatches(
  archive: IDBObjectStore,
  cuts: ReadonlyMap<number, readonly string[]>,
): Promise<string[]> {
  const keys = [...cuts.keys()];
  const values = await getEach(archive, keys);
  return keys.flatMap((key, k) => {
    const batch = values[k];
    const gone = new Set(cuts.get(key));
    if (!isSentBatch(batch) || !batch.ids.some((id) => gone.has(id))) return [];
    const kept = (_: unknown, i: number) => !gone.has(batch.ids[i] as string);
    rewriteBatch(archive, key, { ids: batch.ids.filter(kept), records: batch.records.filter(kept) });
    return batch.ids.filter((id) => gone.has(id));
  });
}
