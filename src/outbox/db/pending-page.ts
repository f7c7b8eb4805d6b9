import { ALL, type Entry, type KeyOrder, keysAndValues } from "./requests";

/** A place in the queue's order (queuedAt, then id): a walk goes on strictly after it. */
export interface QueuePosition {
  queuedAt: number;
  id: string;
}

export interface PendingPage {
  entries: Entry[];
  /** Where the page ended, when it is full: more may follow. */
  next?: QueuePosition;
}

/**
 * Up to `count` entries that the state-queuedAt index lists as pending, oldest first, strictly after
 * `after`, within the caller's transaction. Read with getAll-style requests, never a cursor: a
 * cursor costs a round trip to the browser's storage process per record (most of a sync pass's
 * reading time, in the drain benchmark).
 */
export async function pendingPage(
  index: IDBIndex,
  count: number,
  cmp: KeyOrder,
  after?: QueuePosition,
): Promise<PendingPage> {
  const entries: Entry[] = [];
  const take = (key: IDBValidKey, stored: unknown) => {
    entries.push({ id: key as string, stored });
  };
  if (after) {
    // A key range cannot say "this queuedAt, ids after this one": the entries that share `after`'s
    // queue time (rare: two submits in one millisecond) are read whole, and those after its id kept.
    const ties = await keysAndValues(index, IDBKeyRange.only(["pending", after.queuedAt]), ALL);
    ties.keys.forEach((key, i) => {
      if (entries.length < count && cmp(key, after.id) > 0) take(key, ties.values[i]);
    });
  }
  if (entries.length < count) {
    const range = after
      ? IDBKeyRange.bound(["pending", after.queuedAt], ["pending", Infinity], true)
      : IDBKeyRange.bound(["pending", -Infinity], ["pending", Infinity]);
    const later = await keysAndValues(index, range, count - entries.length);
    later.keys.forEach((key, i) => {
      take(key, later.values[i]);
    });
  }
  const last = entries.at(-1);
  if (entries.length < count || last === undefined) return { entries };
  // The last value's queuedAt is its index key's, so a number, whatever else is wrong with the record.
  return { entries, next: { queuedAt: (last.stored as QueuePosition).queuedAt, id: last.id } };
}
