import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { DAY_MS, DB_VERSION, openOutbox, UPGRADE_STEPS } from "../../src/outbox";
import { freshOutbox, makeResponse } from "./fixtures";
import { buildV1Database, readV1Fixture } from "./fixtures/v1-database";
import { buildV2Database, readV2Fixture } from "./fixtures/v2-database";
import { rawOpen, request } from "./raw-idb";

async function rawAll(factory: IDBFactory, store: string): Promise<unknown[]> {
  const db = await rawOpen(factory);
  const values = await request(db.transaction(store).objectStore(store).getAll());
  db.close();
  return values;
}

describe("the database upgrade", () => {
  it("has one step per version, and the current version is the last step's", () => {
    expect(DB_VERSION).toBe(3);
    expect(UPGRADE_STEPS).toHaveLength(DB_VERSION);
  });

  it("creates the current version from nothing: responses with state indexes, settings, drafts, sent", async () => {
    const { outbox, idbFactory } = await freshOutbox({ name: "upgrade-check" });
    outbox.close();
    const db = await rawOpen(idbFactory, "upgrade-check");
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(["drafts", "responses", "sent", "settings"]);
    const responses = db.transaction("responses").objectStore("responses");
    expect(responses.keyPath).toBe("id");
    expect([...responses.indexNames].sort()).toEqual(["state", "state-queuedAt"]);
    expect(responses.index("state").keyPath).toBe("state");
    expect(responses.index("state-queuedAt").keyPath).toEqual(["state", "queuedAt"]);
    expect(db.transaction("settings").objectStore("settings").keyPath).toBeNull();
    expect(db.transaction("drafts").objectStore("drafts").keyPath).toBe("surveyId");
    const sent = db.transaction("sent").objectStore("sent");
    expect([sent.keyPath, sent.autoIncrement]).toEqual([null, true]);
    expect([sent.index("id").keyPath, sent.index("id").multiEntry]).toEqual(["ids", true]);
    db.close();
  });

  it("keeps the data when the database is opened again at the same version", async () => {
    const { outbox, idbFactory } = await freshOutbox();
    await outbox.enqueue(makeResponse(1));
    outbox.close();
    const again = await openOutbox({ idbFactory });
    expect(await again.counts()).toEqual({ pending: 1, sent: 0, rejected: 0, conflict: 0 });
    again.close();
  });

  it("steps aside when a newer version of the app opens the database", async () => {
    const { idbFactory } = await freshOutbox();
    // Without closing on versionchange this open would stay blocked and the test would time out.
    const newer = await rawOpen(idbFactory, "tsunagu", DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it("refuses to open a database already upgraded by a newer app", async () => {
    const idbFactory = (await freshOutbox({ name: "other" })).idbFactory;
    (await rawOpen(idbFactory, "tsunagu", DB_VERSION + 2)).close();
    await expect(openOutbox({ idbFactory })).rejects.toMatchObject({ name: "VersionError" });
  });
});

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
    const sortById = <T extends { id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    // What the upgraded code reads is what v1 wrote, field for field.
    expect(sortById(records)).toEqual(sortById(fixture.responses));
    for (const [key, value] of fixture.settings) expect(await outbox.getSetting(key)).toEqual(value);
    outbox.close();
    // And the stored values themselves were not rewritten by the upgrade.
    expect(sortById((await rawAll(idbFactory, "responses")) as { id: string }[])).toEqual(
      sortById(fixture.responses),
    );
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

describe("upgrading a device that holds schema v2 data (stored fixture)", () => {
  const fixture = readV2Fixture();
  const ids = (state: string) => fixture.responses.filter((r) => r.state === state).map((r) => r.id);

  it("keeps every record as it was, its sent ones where v2 put them, its settings and its draft", async () => {
    const idbFactory = new IDBFactory();
    await buildV2Database(idbFactory, fixture);
    const outbox = await openOutbox({ idbFactory });
    const sortById = <T extends { id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sortById(await outbox.list())).toEqual(sortById(fixture.responses));
    expect(await outbox.getDraft("ward-resident")).toEqual(fixture.drafts[0]);
    for (const [key, value] of fixture.settings) expect(await outbox.getSetting(key)).toEqual(value);
    outbox.close();
    expect(sortById((await rawAll(idbFactory, "responses")) as { id: string }[])).toEqual(
      sortById(fixture.responses),
    );
    expect(await rawAll(idbFactory, "sent")).toEqual([]);
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
    expect(batches.map((b) => b.ids)).toEqual([ids("pending")]);
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
