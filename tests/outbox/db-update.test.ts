import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OutboxDb } from "../../src/outbox/db/outbox-db";
import type { StoredRecord } from "../../src/outbox/record";
import { makeResponse } from "./fixtures";
import { READ_PATHS, useReadPath } from "./read-paths";

afterEach(() => vi.restoreAllMocks());

async function dbWith(ns: number[]) {
  const factory = new IDBFactory();
  const db = await OutboxDb.open("t", factory);
  const records = ns.map(
    (n): StoredRecord => ({
      id: makeResponse(n).id,
      response: makeResponse(n),
      state: "pending",
      queuedAt: n,
      attempts: 0,
    }),
  );
  await db.update(
    records.map((r) => r.id),
    (id) => records.find((r) => r.id === id),
  );
  return db;
}

const idOf = (n: number) => makeResponse(n).id;
const states = async (db: OutboxDb) =>
  Object.fromEntries((await db.all()).map(({ id, stored }) => [id, (stored as StoredRecord).state]));

describe.each(READ_PATHS)("OutboxDb.update, reading with %s", (path) => {
  useReadPath(path);

  it("hands each id its stored value, whether the ids lie close together or far apart", async () => {
    const db = await dbWith(Array.from({ length: 60 }, (_, i) => i + 1));
    const cases: [number[], string[]][] = [
      // Neighbours, read as one range, with an id that is not stored inside it.
      [[10, 11, 12, 13], [`${idOf(11)}~`]],
      // The range holds 60 records for 4 ids: read one by one; "~" sorts after every id.
      [[1, 30, 60], ["~"]],
      // Out of order, and one twice.
      [[5, 3, 4, 3], []],
    ];
    for (const [ns, absent] of cases) {
      const seen = new Map<string, unknown>();
      const asked = [...ns.map(idOf), ...absent];
      await db.update(asked, (id, stored) => {
        seen.set(id, stored);
        return undefined;
      });
      expect([...seen.keys()].sort()).toEqual([...new Set(asked)].sort());
      for (const n of ns) expect((seen.get(idOf(n)) as StoredRecord).response).toEqual(makeResponse(n));
      for (const id of absent) expect(seen.get(id)).toBeUndefined();
    }
  });

  it("reads a run of neighbouring ids as one range, not one request each", async () => {
    const db = await dbWith(Array.from({ length: 30 }, (_, i) => i + 1));
    const get = vi.spyOn(IDBObjectStore.prototype, "get");
    const getAll = vi.spyOn(IDBObjectStore.prototype, "getAll");
    const records =
      path === "getAllRecords" &&
      vi.spyOn(IDBObjectStore.prototype as unknown as { getAllRecords(): unknown }, "getAllRecords");
    await db.update(
      Array.from({ length: 20 }, (_, i) => idOf(i + 5)),
      () => undefined,
    );
    expect(get).not.toHaveBeenCalled();
    if (records) {
      expect(records).toHaveBeenCalledTimes(1);
      expect(getAll).not.toHaveBeenCalled();
    } else expect(getAll).toHaveBeenCalledTimes(1);
  });

  it("writes nothing when a change throws half-way", async () => {
    const db = await dbWith([1, 2, 3]);
    let calls = 0;
    const sent = (id: string, stored: unknown): StoredRecord => {
      if (++calls === 2) throw new Error("bad change");
      return { ...(stored as StoredRecord), id, state: "sent", sentAt: 1 };
    };
    await expect(db.update([1, 2, 3].map(idOf), sent)).rejects.toThrow("bad change");
    expect(Object.values(await states(db))).toEqual(["pending", "pending", "pending"]);
  });

  it("rejects, and writes nothing, when a write is refused", async () => {
    const db = await dbWith([1, 2]);
    // A sent record goes to the sent store by add(), any other by put().
    for (const write of ["put", "add"] as const)
      vi.spyOn(IDBObjectStore.prototype, write).mockImplementation(() => {
        throw new DOMException("full", "QuotaExceededError");
      });
    await expect(
      db.update([1, 2].map(idOf), (id, stored) => ({ ...(stored as StoredRecord), id, state: "sent" })),
    ).rejects.toMatchObject({ name: "QuotaExceededError" });
    vi.restoreAllMocks();
    expect(Object.values(await states(db))).toEqual(["pending", "pending"]);
  });
});
