/*
 * Plain IndexedDB requests as promises. idb's promise per request costs more than it gives on the
 * hot paths (a sync pass reads and writes whole batches), so the helpers of this folder use these.
 */

export type KeyOrder = (a: IDBValidKey, b: IDBValidKey) => number;

/** An entry as read: its key, and its value, to be checked by the store before it is believed. */
export interface Entry {
  id: string;
  stored: unknown;
}

export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The values of `keys`, in order, each read by its own request within the one transaction. */
export function getEach(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<unknown[]> {
  return Promise.all(keys.map((key) => requested(store.get(key))));
}

interface RecordsReader {
  getAllRecords?(options: {
    query: IDBKeyRange;
    count: number;
  }): IDBRequest<{ primaryKey: IDBValidKey; value: unknown }[]>;
}

/** No limit: IndexedDB's largest count. */
export const ALL = 2 ** 32 - 1;

/**
 * The primary keys and values of up to `count` entries of `range`, in order. One request where the
 * browser has getAllRecords (Chromium 141 on): keys and values read in one walk, where getAllKeys
 * and getAll walk the same entries twice (the sync pass's reads, in the drain benchmark); elsewhere
 * those two, over the one snapshot of the transaction, so the i-th value is the i-th key's.
 */
export async function keysAndValues(
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

/** Every entry of a store keyed by id (responses), within the caller's transaction. */
export async function allEntries(store: IDBObjectStore): Promise<Entry[]> {
  const { keys, values } = await keysAndValues(store, IDBKeyRange.lowerBound(-Infinity), ALL);
  return keys.map((id, i) => ({ id: id as string, stored: values[i] }));
}

/**
 * Runs `work` (requests within `tx`) and waits for the commit. All or nothing: a failure half-way
 * aborts the transaction, so the writes issued before it do not land.
 */
export async function inTransaction<T>(
  tx: { abort(): void; done: Promise<void> },
  work: () => Promise<T>,
): Promise<T> {
  const result = work();
  result.catch(() => abortQuietly(tx));
  const [value] = await Promise.all([result, tx.done]);
  return value;
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was left to undo.
  }
}
