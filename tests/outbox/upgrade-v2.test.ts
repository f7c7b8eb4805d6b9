import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { DAY_MS, openOutbox } from "../../src/outbox";
import { byId, expectSentMovedAsTheyWere } from "./fixtures/upgraded";
import { buildV2Database, readV2Fixture } from "./fixtures/v2-database";
import { rawAll } from "./raw-idb";

describe("upgrading a device that holds schema v2 data (stored fixture)", () => {
  const fixture = readV2Fixture();
  const ids = (state: string) => fixture.responses.filter((r) => r.state === state).map((r) => r.id);

  it("keeps every record as it was, its sent ones moved to the sent store, its settings and its draft", async () => {
    const idbFactory = new IDBFactory();
    await buildV2Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    expect(byId(await outbox.list())).toEqual(byId(fixture.responses));
    expect(await outbox.getDraft("ward-resident")).toEqual(fixture.drafts[0]);
    for (const [key, value] of fixture.settings) expect(await outbox.getSetting(key)).toEqual(value);
    outbox.close();
    await expectSentMovedAsTheyWere(idbFactory, fixture.responses);
  });

  it("sends its pending records into the sent store, and still confirms and expires v2's sent ones", async () => {
    const idbFactory = new IDBFactory();
    await buildV2Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    const taken = await outbox.takePending(100);
    expect(taken.map((r) => r.id)).toEqual(ids("pending"));
    await outbox.applyResults(
      taken.map((r) => ({ id: r.id, status: "accepted" as const })),
      1_770_000_000_000,
      taken,
    );
    const batches = (await rawAll(idbFactory, "sent")) as { ids: string[] }[];
    expect(batches.map((b) => b.ids)).toEqual([
      byId(fixture.responses)
        .filter((r) => r.state === "sent")
        .map((r) => r.id),
      ids("pending"),
    ]);
    await outbox.recordReceipts(ids("sent"), [], 1_770_000_000_001);
    const confirmed = (await outbox.list({ state: "sent" })).filter((r) => r.confirmedAt !== undefined);
    expect(confirmed.map((r) => r.id).sort()).toEqual(ids("sent").sort());
    // v2's sent records went out in 2025; the ones just sent stay.
    const purged = await outbox.purgeExpired(1_770_000_000_000 + 29 * DAY_MS);
    expect(purged.sort()).toEqual(ids("sent").sort());
    expect(await outbox.counts()).toEqual({
      pending: 0,
      sent: ids("pending").length,
      rejected: ids("rejected").length,
      conflict: ids("conflict").length,
    });
    outbox.close();
  });
});
