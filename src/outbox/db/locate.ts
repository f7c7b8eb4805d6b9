import type { OutboxState, StoredRecord } from "../record";
import { STATE_QUEUED_INDEX } from "../upgrades";
import { type Entry, getEach, type KeyOrder, keysAndValues, requested } from "./requests";
import { type ArchivedEntry, findArchived } from "./sent-batch";

/** An id as found: its stored value (undefined if none), and where it was read from. */
export interface Found extends Entry {
  from: "queue" | "nowhere" | ArchivedEntry;
}

/** Records a caller read moments ago in `state`: written from these copies if still listed so. */
export interface Listed {
  state: OutboxState;
  records: ReadonlyMap<string, StoredRecord>;
}

/**
 * Where each of `ids` is, and its value, within the caller's transaction: in responses, else in the
 * sent store. A record `listed` names that the state index still lists so, at its queue time, is
 * given as that copy, its value not read again (reading a sync batch back was a third of the drain
 * benchmark's time). All reads are issued at once: awaiting each request in turn cost two round
 * trips to the browser's storage process per record.
 */
export async function locate(
  queue: IDBObjectStore,
  archive: IDBObjectStore,
  ids: readonly string[],
  cmp: KeyOrder,
  listed?: Listed,
): Promise<Found[]> {
  const copies = listed ? await stillListed(queue, listed, ids) : [];
  const known = new Set(copies.map((record) => record.id));
  const unread = ids.filter((id) => !known.has(id));
  const stored = await readMany(queue, unread, cmp);
  const archived = await findArchived(
    archive,
    unread.filter((_, i) => stored[i] === undefined),
  );
  return [
    ...copies.map((record): Found => ({ id: record.id, stored: record, from: "queue" })),
    ...unread.map((id, i): Found => {
      if (stored[i] !== undefined) return { id, stored: stored[i], from: "queue" };
      const entry = archived.get(id);
      return { id, stored: entry?.stored, from: entry ?? "nowhere" };
    }),
  ];
}

/**
 * The copies of `ids` that the state index still lists under the state at their queue time: the
 * index's keys only, no value. Capped at twice as many entries as asked about: ids past a range
 * crowded with others (ties at one queue time) count as not listed, and are read.
 */
async function stillListed(store: IDBObjectStore, listed: Listed, ids: readonly string[]) {
  const asked = ids.flatMap((id) => listed.records.get(id) ?? []);
  if (asked.length === 0) return [];
  const times = asked.map((record) => record.queuedAt);
  const range = IDBKeyRange.bound([listed.state, Math.min(...times)], [listed.state, Math.max(...times)]);
  const keys = await requested(store.index(STATE_QUEUED_INDEX).getAllKeys(range, asked.length * 2));
  const found = new Set(keys);
  return asked.filter((record) => found.has(record.id));
}

/**
 * The values of `ids`, in order (undefined where there is none). A sync batch's ids are neighbours
 * in key order (uuidv7 ids follow submit time, and a batch is a run of the queue), so the range they
 * span is read at once instead of one request each; when that range holds more than twice as many
 * records as asked for, each id is read on its own instead.
 */
async function readMany(store: IDBObjectStore, ids: readonly string[], cmp: KeyOrder): Promise<unknown[]> {
  const sorted = [...ids].sort(cmp);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (ids.length < 2 || first === undefined || last === undefined) return getEach(store, ids);
  const cap = ids.length * 2;
  const { keys, values } = await keysAndValues(store, IDBKeyRange.bound(first, last), cap);
  if (keys.length >= cap) return getEach(store, ids);
  // The whole range was listed: an id not in it is not stored.
  const byKey = new Map<IDBValidKey, unknown>();
  keys.forEach((key, i) => {
    byKey.set(key, values[i]);
  });
  return ids.map((id) => byKey.get(id));
}
