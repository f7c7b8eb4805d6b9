import { afterEach, describe, expect, it, vi } from "vitest";
import type { ItemResult } from "../../src/contract/responses";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawGet, rawOpen, rawPut, request } from "./raw-idb";

afterEach(() => vi.restoreAllMocks());

/** The durability each readwrite transaction asked for, in order (as outbox.test.ts reads enqueue's). */
function watchDurability(): () => string[] {
  const spy = vi.spyOn(IDBDatabase.prototype, "transaction");
  return () =>
    spy.mock.calls.filter((call) => call[1] === "readwrite").map((call) => call[2]?.durability ?? "default");
}

const id = (n: number) => makeResponse(n).id;
const RESULTS: ItemResult[] = [
  { id: id(1), status: "accepted" },
  { id: id(2), status: "duplicate" },
  { id: id(3), status: "rejected", error: "answers.q_prepared: not an option" },
  { id: id(4), status: "conflict" },
];

/** Four queued records, taken as a sync pass takes them. */
async function queuedAndTaken() {
  const setup = await freshOutbox({ now: () => 100 });
  for (const n of [1, 2, 3, 4]) await setup.outbox.enqueue(makeResponse(n));
  return { ...setup, taken: await setup.outbox.takePending(10) };
}

describe("a sync pass's results, written back", () => {
  it("do not wait for the disk, while a submit does", async () => {
    const { outbox } = await freshOutbox({ now: () => 100 });
    const asked = watchDurability();
    await outbox.enqueue(makeResponse(1));
    const taken = await outbox.takePending(1);
    await outbox.applyResults([{ id: id(1), status: "accepted" }], 200, taken);
    expect(asked()).toEqual(["strict", "relaxed"]);
  });

  it("give the same records from the taken copies as from reading them again", async () => {
    const stored = async (withTaken: boolean) => {
      const { outbox, idbFactory, taken } = await queuedAndTaken();
      await outbox.applyResults(RESULTS, 200, withTaken ? taken : []);
      return Promise.all([1, 2, 3, 4].map((n) => rawGet(idbFactory, id(n))));
    };
    const reread = await stored(false);
    expect(reread.map((r) => (r as { state: string }).state)).toEqual([
      "sent",
      "sent",
      "rejected",
      "conflict",
    ]);
    expect(await stored(true)).toEqual(reread);
  });

  it("read no record's value when all are still pending", async () => {
    const { outbox, taken } = await queuedAndTaken();
    const reads = [
      vi.spyOn(IDBObjectStore.prototype, "get"),
      vi.spyOn(IDBObjectStore.prototype, "getAll"),
      vi.spyOn(IDBObjectStore.prototype as unknown as { getAllRecords(): unknown }, "getAllRecords"),
    ];
    await outbox.applyResults(RESULTS, 200, taken);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });

  it("read a record again that is no longer pending: a sent one stays sent", async () => {
    const { outbox, idbFactory, taken } = await queuedAndTaken();
    // Another pass (a context without the sync lock) sent it meanwhile.
    await outbox.applyResults([{ id: id(1), status: "accepted" }], 150);
    await outbox.applyResults([{ id: id(1), status: "conflict" }], 200, taken);
    expect(await rawGet(idbFactory, id(1))).toMatchObject({ state: "sent", sentAt: 150, attempts: 2 });
  });

  it("do not bring back a record deleted since it was taken", async () => {
    const { outbox, idbFactory, taken } = await queuedAndTaken();
    const db = await rawOpen(idbFactory);
    await request(db.transaction("responses", "readwrite").objectStore("responses").delete(id(2)));
    db.close();
    await outbox.applyResults(RESULTS, 200, taken);
    expect(await rawGet(idbFactory, id(2))).toBeUndefined();
    expect(await rawGet(idbFactory, id(1))).toMatchObject({ state: "sent" });
  });

  it("still read the records, and skip corrupt ones, when no copies are given", async () => {
    const { outbox, idbFactory } = await freshOutbox({ now: () => 100 });
    const bad = makeResponse(5);
    const value = {
      id: bad.id,
      response: { ...bad, answers: "not an object" },
      state: "pending",
      queuedAt: 1,
      attempts: 0,
    };
    await rawPut(idbFactory, value);
    await outbox.applyResults([{ id: bad.id, status: "accepted" }], 200);
    expect(await rawGet(idbFactory, bad.id)).toEqual(value);
  });
});
