import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { DB_VERSION, openOutbox } from "../../src/outbox";
import { byId, expectSentMovedAsTheyWere } from "./fixtures/upgraded";
import { buildV1Database, readV1Fixture } from "./fixtures/v1-database";
import { rawAll, rawOpen } from "./raw-idb";

describe("upgrading a device that holds schema v1 data (stored fixture)", () => {
  const fixture = readV1Fixture();

  it("keeps 100% of the records, byte for byte, with their states, and every setting", async () => {
    const idbFactory = new IDBFactory();
    await buildV1Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    const byState = (state: string) => fixture.responses.filter((r) => r.state === state).length;
    // The fixture is a real mix, so a lost state would show.
    expect([byState("pending"), byState("sent"), byState("rejected"), byState("conflict")]).toEqual([
      5, 4, 2, 1,
    ]);
    expect(await outbox.counts()).toEqual({
      pending: byState("pending"),
      sent: byState("sent"),
      rejected: byState("rejected"),
      conflict: byState("conflict"),
    });
    const records = await outbox.list();
    expect(records).toHaveLength(fixture.responses.length);
    expect(records.filter((r) => r.corrupt)).toEqual([]);
    // What the upgraded code reads is what v1 wrote, field for field.
    expect(byId(records)).toEqual(byId(fixture.responses));
    for (const [key, value] of fixture.settings) expect(await outbox.getSetting(key)).toEqual(value);
    outbox.close();
    // And the stored values themselves were not rewritten by the upgrade: the sent ones only moved.
    await expectSentMovedAsTheyWere(idbFactory, fixture.responses);
    const db = await rawOpen(idbFactory);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it("sends the upgraded pending records in their v1 queue order, and takes drafts", async () => {
    const idbFactory = new IDBFactory();
    await buildV1Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    const pending = fixture.responses.filter((r) => r.state === "pending");
    expect((await outbox.takePending(100)).map((r) => r.id)).toEqual(pending.map((r) => r.id));
    const draft = {
      surveyId: "ward-resident",
      surveyVersion: 1,
      answers: { q_area: "area_1" },
      screen: { kind: "question" as const, questionId: "q_age" },
      updatedAt: 1,
    };
    await outbox.putDraft(draft);
    expect(await outbox.getDraft("ward-resident")).toEqual(draft);
    outbox.close();
  });

  it("leaves the v1 database and all its data as they were when an upgrade step fails", async () => {
    const idbFactory = new IDBFactory();
    await buildV1Database(idbFactory, fixture);
    const create = vi.spyOn(IDBDatabase.prototype, "createObjectStore").mockImplementation(() => {
      throw new DOMException("disk full", "QuotaExceededError");
    });
    await expect(openOutbox({ idbFactory })).rejects.toBeDefined();
    create.mockRestore();
    const db = await rawOpen(idbFactory);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(["responses", "settings"]);
    db.close();
    expect(await rawAll(idbFactory, "responses")).toHaveLength(fixture.responses.length);
    // The next start tries again and succeeds.
    const outbox = await openOutbox({ idbFactory });
    expect((await outbox.list()).length).toBe(fixture.responses.length);
    outbox.close();
  });
});
