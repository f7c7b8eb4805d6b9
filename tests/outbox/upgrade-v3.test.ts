import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DAY_MS, DB_VERSION, openOutbox } from "../../src/outbox";
import { makeResponse } from "./fixtures";
import { byId, expectSentMovedAsTheyWere } from "./fixtures/upgraded";
import { buildV3Database, readV3Fixture, type V3Fixture } from "./fixtures/v3-database";
import { rawAll, rawOpen } from "./raw-idb";

afterEach(() => vi.restoreAllMocks());

describe("upgrading a device that holds schema v3 data (stored fixture)", () => {
  const fixture = readV3Fixture();
  const legacy = byId(fixture.responses.filter((r) => r.state === "sent"));
  const batched = fixture.sent.flatMap(([, value]) => value.records);
  const everyRecord = [...fixture.responses, ...batched];

  it("moves the sent records v1 and v2 left in responses to the sent store, every value as it was", async () => {
    // The fixture is a real mix: sent records in both places, and every other state.
    expect([legacy.length, batched.length]).toEqual([3, 4]);
    const idbFactory = new IDBFactory();
    await buildV3Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    expect(byId(await outbox.list())).toEqual(byId(everyRecord));
    expect((await outbox.list()).filter((r) => r.corrupt)).toEqual([]);
    expect(await outbox.counts()).toEqual({ pending: 1, sent: 7, rejected: 3, conflict: 1 });
    expect(await outbox.getDraft("ward-resident")).toEqual(fixture.drafts[0]);
    for (const [key, value] of fixture.settings) expect(await outbox.getSetting(key)).toEqual(value);
    outbox.close();
    await expectSentMovedAsTheyWere(
      idbFactory,
      fixture.responses,
      fixture.sent.map(([, value]) => value),
    );
    const db = await rawOpen(idbFactory);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it("then confirms, puts back and expires the moved records as any other sent record", async () => {
    const idbFactory = new IDBFactory();
    await buildV3Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    const [first, second, third] = legacy.map((r) => r.id) as [string, string, string];
    await outbox.recordReceipts([first], [], 1_770_000_000_000);
    expect(await outbox.requeue([second])).toEqual([second]);
    expect((await outbox.takePending(10)).map((r) => r.id)).toContain(second);
    // The fixture's retention is 45 days; the moved records went out in October 2025.
    const purged = await outbox.purgeExpired(1_765_000_100_000 + 44 * DAY_MS);
    expect(purged.sort()).toEqual([first, third, fixture.sent[1]?.[1].ids[0]].sort());
    expect(
      (await rawAll(idbFactory, "responses")).filter((r) => (r as { state: string }).state === "sent"),
    ).toEqual([]);
    outbox.close();
  });

  it("puts many of them a sync batch (100) to a value, in id order", async () => {
    const many: V3Fixture = {
      ...fixture,
      responses: Array.from({ length: 250 }, (_, i) => ({
        id: makeResponse(i).id,
        response: makeResponse(i),
        state: "sent",
        queuedAt: i,
        sentAt: i,
        attempts: 1,
      })),
    };
    const idbFactory = new IDBFactory();
    await buildV3Database(idbFactory, many);
    (await openOutbox({ idbFactory })).close();
    const values = (await rawAll(idbFactory, "sent")) as { ids: string[] }[];
    const moved = values.slice(fixture.sent.length);
    expect(moved.map((v) => v.ids.length)).toEqual([100, 100, 50]);
    expect(moved.flatMap((v) => v.ids)).toEqual(byId(many.responses).map((r) => r.id));
  });

  it("leaves the v3 database and all its data as they were when the step fails", async () => {
    const idbFactory = new IDBFactory();
    await buildV3Database(idbFactory, fixture);
    const add = vi.spyOn(IDBObjectStore.prototype, "add").mockImplementation(() => {
      throw new DOMException("disk full", "QuotaExceededError");
    });
    await expect(openOutbox({ idbFactory })).rejects.toBeDefined();
    add.mockRestore();
    const db = await rawOpen(idbFactory);
    expect(db.version).toBe(3);
    db.close();
    expect(byId((await rawAll(idbFactory, "responses")) as { id: string }[])).toEqual(
      byId(fixture.responses),
    );
    expect(await rawAll(idbFactory, "sent")).toEqual(fixture.sent.map(([, value]) => value));
    // The next start tries again and succeeds.
    const outbox = await openOutbox({ idbFactory });
    expect(byId(await outbox.list())).toEqual(byId(everyRecord));
    outbox.close();
  });
});
