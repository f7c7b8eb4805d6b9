import { afterEach, describe, expect, it, vi } from "vitest";
import type { ItemResult } from "../../src/contract/responses";
import { DAY_MS, OutboxConflictError } from "../../src/outbox";
import { OutboxDb } from "../../src/outbox/db/outbox-db";
import { DamagedBatchError } from "../../src/outbox/db/place";
import type { StoredRecord } from "../../src/outbox/record";
import { freshOutbox, makeResponse, tickingClock } from "./fixtures";
import { rawAddBatch, rawGet, rawOpen, rawSentBatches, request } from "./raw-idb";

afterEach(() => vi.restoreAllMocks());

const id = (n: number) => makeResponse(n).id;
const makeStored = (n: number): StoredRecord => ({
  id: id(n),
  response: makeResponse(n),
  state: "pending",
  queuedAt: n,
  attempts: 0,
});
const accepted = (ns: number[]): ItemResult[] => ns.map((n) => ({ id: id(n), status: "accepted" }));

/** Responses 1..count queued and taken, as a sync pass takes them. */
async function queued(count: number) {
  const setup = await freshOutbox({ now: tickingClock() });
  for (let n = 1; n <= count; n++) await setup.outbox.enqueue(makeResponse(n));
  return { ...setup, taken: await setup.outbox.takePending(count) };
}

async function rawResponses(factory: IDBFactory): Promise<{ id: string; state: string }[]> {
  const db = await rawOpen(factory);
  const values = await request(db.transaction("responses").objectStore("responses").getAll());
  db.close();
  return values;
}

describe("sent records, kept a batch to a value", () => {
  it("leave responses with one delete and arrive in the sent store with one write", async () => {
    const { outbox, idbFactory, taken } = await queued(5);
    const writes = {
      put: vi.spyOn(IDBObjectStore.prototype, "put"),
      add: vi.spyOn(IDBObjectStore.prototype, "add"),
      delete: vi.spyOn(IDBObjectStore.prototype, "delete"),
    };
    await outbox.applyResults(
      [...accepted([1, 2, 3]), { id: id(4), status: "duplicate" }, { id: id(5), status: "rejected" }],
      9_000,
      taken,
    );
    // One range delete for 1–4, one put for the rejected 5, one value for the four sent.
    expect(writes.delete).toHaveBeenCalledTimes(1);
    expect(writes.delete.mock.calls[0]?.[0]).toBeInstanceOf(IDBKeyRange);
    expect(writes.put).toHaveBeenCalledTimes(1);
    expect(writes.add).toHaveBeenCalledTimes(1);
    const batches = await rawSentBatches(idbFactory);
    expect(batches.map((b) => b.ids)).toEqual([[1, 2, 3, 4].map(id)]);
    expect(batches[0]?.records[0]).toEqual({
      id: id(1),
      response: makeResponse(1),
      state: "sent",
      sentAt: 9_000,
      queuedAt: taken[0]?.queuedAt,
      attempts: 1,
    });
    expect(await rawResponses(idbFactory)).toMatchObject([{ id: id(5), state: "rejected" }]);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 4, rejected: 1, conflict: 0 });
    expect((await outbox.list()).map((r) => [r.id, r.state])).toEqual([
      ...[1, 2, 3, 4].map((n) => [id(n), "sent"]),
      [id(5), "rejected"],
    ]);
  });

  it("are deleted one by one when another record lies between them, which stays", async () => {
    const { outbox, idbFactory, taken } = await queued(5);
    const remove = vi.spyOn(IDBObjectStore.prototype, "delete");
    await outbox.applyResults(
      accepted([1, 2, 4, 5]),
      9_000,
      taken.filter((r) => r.id !== id(3)),
    );
    expect(remove).toHaveBeenCalledTimes(4);
    expect(remove.mock.calls.map((call) => call[0])).toEqual([1, 2, 4, 5].map(id));
    expect(await rawResponses(idbFactory)).toMatchObject([{ id: id(3), state: "pending" }]);
    expect((await outbox.takePending(10)).map((r) => r.id)).toEqual([id(3)]);
  });

  it("are found by id: queuing one again changes nothing, other content is refused", async () => {
    const { outbox, idbFactory, taken } = await queued(2);
    await outbox.applyResults(accepted([1, 2]), 9_000, taken);
    const before = await rawSentBatches(idbFactory);
    await outbox.enqueue(makeResponse(1));
    await expect(outbox.enqueue(makeResponse(2, { q_prepared: "no" }))).rejects.toBeInstanceOf(
      OutboxConflictError,
    );
    expect(await rawSentBatches(idbFactory)).toEqual(before);
    expect(await rawResponses(idbFactory)).toEqual([]);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 2, rejected: 0, conflict: 0 });
  });

  it("take the collector's receipts, the value written again under a new key", async () => {
    const { outbox, idbFactory, taken } = await queued(3);
    await outbox.applyResults(accepted([1, 2, 3]), 9_000, taken);
    await outbox.recordReceipts([id(1), id(3)], [], 10_000);
    await outbox.recordReceipts([], [id(3)], 11_000);
    const batches = await rawSentBatches(idbFactory);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.records.map((r) => (r as { confirmedAt?: number }).confirmedAt)).toEqual([
      10_000,
      undefined,
      undefined,
    ]);
  });

  it("go back to responses when put back in the queue, and an emptied value goes", async () => {
    const { outbox, idbFactory, taken } = await queued(4);
    await outbox.applyResults(accepted([1, 2, 3, 4]), 9_000, taken);
    expect(await outbox.requeue([id(2), id(3)])).toEqual([id(2), id(3)]);
    expect((await rawSentBatches(idbFactory)).map((b) => b.ids)).toEqual([[id(1), id(4)]]);
    const again = await outbox.takePending(10);
    expect(again.map((r) => [r.id, r.state, r.queuedAt])).toEqual([
      [id(2), "pending", taken[1]?.queuedAt],
      [id(3), "pending", taken[2]?.queuedAt],
    ]);
    expect(await outbox.requeue([id(1), id(4)])).toEqual([id(1), id(4)]);
    expect(await rawSentBatches(idbFactory)).toEqual([]);
    expect(await outbox.counts()).toEqual({ pending: 4, sent: 0, rejected: 0, conflict: 0 });
    // Sent again, they are one new value.
    await outbox.applyResults(accepted([1, 2, 3, 4]), 12_000, await outbox.takePending(10));
    expect((await rawSentBatches(idbFactory)).map((b) => b.ids)).toEqual([[1, 2, 3, 4].map(id)]);
  });

  it("expire by their own sent time, a value keeping those that have not", async () => {
    let now = 0;
    const { outbox, idbFactory } = await freshOutbox({ now: () => now });
    for (const n of [1, 2, 3]) await outbox.enqueue(makeResponse(n));
    await outbox.applyResults(accepted([1, 2]), 0, await outbox.takePending(2));
    await outbox.applyResults(accepted([3]), 5 * DAY_MS, await outbox.takePending(1));
    // One value holding records sent on different days, as a damaged clock could leave it.
    await rawAddBatch(idbFactory, {
      ids: [id(8), id(9)],
      records: [
        { ...makeStored(8), state: "sent", sentAt: 0, attempts: 1 },
        { ...makeStored(9), state: "sent", sentAt: 5 * DAY_MS, attempts: 1 },
      ],
    });
    now = 31 * DAY_MS;
    expect((await outbox.purgeExpired()).sort()).toEqual([1, 2, 8].map(id).sort());
    expect((await rawSentBatches(idbFactory)).map((b) => b.ids)).toEqual([[id(3)], [id(9)]]);
    expect((await outbox.list()).map((r) => r.id)).toEqual([id(3), id(9)]);
  });
});

describe("a damaged value in the sent store", () => {
  async function withDamage() {
    const { outbox, idbFactory, taken } = await queued(2);
    await outbox.applyResults(accepted([1, 2]), 9_000, taken);
    // A value that is not a batch at all, and a batch with one broken record in it.
    const junkKey = await rawAddBatch(idbFactory, { ids: "nonsense" });
    await rawAddBatch(idbFactory, {
      ids: [id(7), id(8)],
      records: [
        { ...makeStored(7), state: "sent", sentAt: 9_000, attempts: 1 },
        { state: "sent", sentAt: 0 },
      ],
    });
    return { outbox, idbFactory, junkKey, before: await rawSentBatches(idbFactory) };
  }

  it("is listed as rejected and corrupt, record by record where it can be read", async () => {
    const { outbox, junkKey } = await withDamage();
    const list = await outbox.list();
    expect(list.map((r) => [r.id, r.state, r.corrupt ?? false])).toEqual(
      expect.arrayContaining([
        [`sent-batch-${String(junkKey)}`, "rejected", true],
        [id(7), "sent", false],
        [id(8), "rejected", true],
      ]),
    );
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 3, rejected: 2, conflict: 0 });
  });

  it("is never rewritten: not by expiry, receipts, a requeue or a submit of the same id", async () => {
    const { outbox, idbFactory, before } = await withDamage();
    await outbox.recordReceipts([id(8)], [], 10_000);
    expect(await outbox.requeue([id(8)])).toEqual([]);
    await expect(outbox.enqueue(makeResponse(8))).rejects.toBeInstanceOf(OutboxConflictError);
    await outbox.purgeExpired(9_000 + 365 * DAY_MS);
    const after = await rawSentBatches(idbFactory);
    // Only the good records expired; the broken one stays with its value, and the junk value whole.
    expect(after).toEqual([before[1], { ids: [id(8)], records: [before[2]?.records[1]] }]);
    expect(await rawGet(idbFactory, id(8))).toEqual({ state: "sent", sentAt: 0 });
  });

  it("refuses, writing nothing, a change that would take a record out of it", async () => {
    const { idbFactory, before } = await withDamage();
    const db = await OutboxDb.open("tsunagu", idbFactory);
    // The junk value's "ids" is one string, which the id index lists as it would an id.
    const change = (key: string): StoredRecord => ({ ...makeStored(9), id: key, state: "pending" });
    await expect(db.update(["nonsense", id(9)], change)).rejects.toBeInstanceOf(DamagedBatchError);
    db.close();
    expect(await rawSentBatches(idbFactory)).toEqual(before);
    expect(await rawGet(idbFactory, id(9))).toBeUndefined();
  });
});
