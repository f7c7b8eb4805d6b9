import { describe, expect, it } from "vitest";
import { DB_VERSION, openOutbox, UPGRADE_STEPS } from "../../src/outbox";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawOpen } from "./raw-idb";

// Each earlier version's data, upgraded: upgrade-v1.test.ts, upgrade-v2.test.ts, upgrade-v3.test.ts.

describe("the database upgrade", () => {
  it("has one step per version, and the current version is the last step's", () => {
    expect(DB_VERSION).toBe(4);
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
