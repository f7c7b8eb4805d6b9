import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { OutboxDb } from "../../src/outbox/db/outbox-db";
import type { StoredRecord } from "../../src/outbox/record";
import { makeResponse } from "./fixtures";
import { rawAddBatch, rawAll, rawGet } from "./raw-idb";

const id = (n: number) => makeResponse(n).id;
const stored = (n: number, state: StoredRecord["state"]): StoredRecord => ({
  id: id(n),
  response: makeResponse(n),
  state,
  queuedAt: n,
  attempts: 0,
  ...(state === "sent" && { sentAt: n }),
});

async function open() {
  const idbFactory = new IDBFactory();
  return { idbFactory, db: await OutboxDb.open("tsunagu", idbFactory) };
}

describe("OutboxDb.replace", () => {
  it("swaps the record for the new one only while its state is the one the caller read", async () => {
    const { idbFactory, db } = await open();
    await db.update([id(1)], () => stored(1, "conflict"));
    const next = { ...stored(2, "pending") };
    // Read as conflict, but another tab changed it since: nothing is written.
    await db.update([id(1)], () => stored(1, "rejected"));
    expect(await db.replace(id(1), "conflict", next)).toBe(false);
    expect(await rawGet(idbFactory, id(2))).toBeUndefined();
    await db.update([id(1)], () => stored(1, "conflict"));
    expect(await db.replace(id(1), "conflict", next)).toBe(true);
    expect(await rawAll(idbFactory, "responses")).toEqual([next]);
    // Once replaced, a second replace (the same person's double tap) finds nothing to replace.
    expect(await db.replace(id(1), "conflict", stored(3, "pending"))).toBe(false);
    db.close();
  });
});

describe("OutboxDb.removeSent", () => {
  it("deletes the chosen ids from values still there, each rest under a new key, and passes over the others", async () => {
    const { idbFactory, db } = await open();
    const whole = { ids: [id(1), id(2), id(3)], records: [1, 2, 3].map((n) => stored(n, "sent")) };
    const kept = await rawAddBatch(idbFactory, whole);
    const emptied = await rawAddBatch(idbFactory, { ids: [id(4)], records: [stored(4, "sent")] });
    const damaged = await rawAddBatch(idbFactory, { ids: "junk" });
    const cuts = new Map<number, string[]>([
      [kept as number, [id(1), id(3)]],
      [emptied as number, [id(4)]],
      [damaged as number, ["junk"]],
      // Gone since it was read (changed in another tab): its successor is judged on its own read.
      [99, [id(5)]],
    ]);
    expect(await db.removeSent(cuts)).toEqual([id(1), id(3), id(4)]);
    expect(await rawAll(idbFactory, "sent")).toEqual([
      { ids: "junk" },
      { ids: [id(2)], records: [stored(2, "sent")] },
    ]);
    db.close();
  });
});
