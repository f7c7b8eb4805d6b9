import { requested } from "./idb-requests";
import type { StoredRecord } from "./outbox-db";
import { SENT_ID_INDEX } from "./upgrades";

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
 * the counts and the purge read only the values added since (sent-summaries.ts).
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

/** Each record of a sent-store value as the id and value that list() decodes. */
export function batchEntries(key: IDBValidKey, value: unknown): { id: string; stored: unknown }[] {
  if (!isSentBatch(value)) return [{ id: `${DAMAGED_BATCH_PREFIX}${String(key)}`, stored: value }];
  return value.ids.map((id, i) => ({ id, stored: value.records[i] }));
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

/** A record to write, and where it was read from: the responses store, nowhere, or the sent store. */
export interface Placed {
  id: string;
  next: StoredRecord;
  from: "queue" | "nowhere" | ArchivedEntry;
}

/** Refused so that the rest of a damaged value stays as it was, for repair. */
export class DamagedBatchError extends Error {
  override name = "DamagedBatchError";
}

/**
 * Writes each record where its state says, within the caller's transaction: records becoming sent
 * leave responses for one new sent-store value; records leaving the sent state go back to
 * responses; records that stay where they are are rewritten in place. Throws before writing
 * anything when a record would be taken out of a damaged sent-store value.
 */
export async function writePlaced(
  queue: IDBObjectStore,
  archive: IDBObjectStore,
  placed: readonly Placed[],
  cmp: (a: IDBValidKey, b: IDBValidKey) => number,
): Promise<void> {
  const puts: StoredRecord[] = [];
  const leaving: string[] = [];
  const arriving: StoredRecord[] = [];
  const touched = new Map<IDBValidKey, { batch: SentBatch; removed: Set<number> }>();
  for (const { id, next, from } of placed) {
    const sent = next.state === "sent";
    if (from === "queue" || from === "nowhere") {
      if (!sent) puts.push(next);
      else {
        arriving.push(next);
        if (from === "queue") leaving.push(id);
      }
      continue;
    }
    const { batch, key, position } = from;
    if (!batch)
      throw new DamagedBatchError(`sent-store value ${String(key)} is damaged; ${id} is left in it`);
    const change = touched.get(key) ?? { batch, removed: new Set<number>() };
    touched.set(key, change);
    if (sent) batch.records[position] = next;
    else {
      change.removed.add(position);
      puts.push(next);
    }
  }
  await deleteFromQueue(queue, leaving, cmp);
  for (const record of puts) queue.put(record);
  for (const [key, { batch, removed }] of touched) {
    const kept = batch.ids.flatMap((id, i) => (removed.has(i) ? [] : [{ id, record: batch.records[i] }]));
    // Never rewritten under its key: what a key holds stays what it was (sent-summaries.ts).
    archive.delete(key);
    if (kept.length > 0)
      archive.add({
        ids: kept.map((k) => k.id),
        records: kept.map((k) => k.record as StoredRecord),
      } satisfies SentBatch);
  }
  if (arriving.length > 0)
    archive.add({ ids: arriving.map((r) => r.id), records: arriving } satisfies SentBatch);
}

/**
 * Deletes `ids`, each known to be in responses: one request for the key range they span when it
 * holds nothing else (a sync batch is a run of neighbouring uuidv7 ids), else one each.
 */
async function deleteFromQueue(
  queue: IDBObjectStore,
  ids: readonly string[],
  cmp: (a: IDBValidKey, b: IDBValidKey) => number,
): Promise<void> {
  const sorted = [...ids].sort(cmp);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (ids.length >= 2 && first !== undefined && last !== undefined) {
    const range = IDBKeyRange.bound(first, last);
    if ((await requested(queue.count(range))) === new Set(ids).size) {
      queue.delete(range);
      return;
    }
  }
  for (const id of ids) queue.delete(id);
}
