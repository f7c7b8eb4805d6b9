import type { StoredRecord } from "../record";
import type { Found } from "./locate";
import { type KeyOrder, requested } from "./requests";
import { type ArchivedEntry, rewriteBatch, type SentBatch } from "./sent-batch";

/** A record to write, and where its id was found (./locate.ts). */
export interface Placed {
  id: string;
  next: StoredRecord;
  from: Found["from"];
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
export async function place(
  queue: IDBObjectStore,
  archive: IDBObjectStore,
  placed: readonly Placed[],
  cmp: KeyOrder,
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
    const change = touched.get(from.key) ?? { batch: sound(from, id), removed: new Set<number>() };
    touched.set(from.key, change);
    if (sent) change.batch.records[from.position] = next;
    else {
      change.removed.add(from.position);
      puts.push(next);
    }
  }
  await deleteFromQueue(queue, leaving, cmp);
  for (const record of puts) queue.put(record);
  for (const [key, { batch, removed }] of touched) {
    const kept = (_: unknown, i: number) => !removed.has(i);
    rewriteBatch(archive, key, { ids: batch.ids.filter(kept), records: batch.records.filter(kept) });
  }
  if (arriving.length > 0)
    archive.add({ ids: arriving.map((r) => r.id), records: arriving } satisfies SentBatch);
}

function sound({ batch, key }: ArchivedEntry, id: string): SentBatch {
  if (!batch) throw new DamagedBatchError(`sent-store value ${String(key)} is damaged; ${id} is left in it`);
  return batch;
}

/**
 * Deletes `ids`, each known to be in responses: one request for the key range they span when it
 * holds nothing else (a sync batch is a run of neighbouring uuidv7 ids), else one each.
 */
async function deleteFromQueue(queue: IDBObjectStore, ids: readonly string[], cmp: KeyOrder): Promise<void> {
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
