import { describe, expect, it } from "vitest";
import { openOutbox } from "../../src/outbox";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawOpen } from "./raw-idb";

describe("the database upgrade", () => {
  it("creates version 1 from nothing: responses by id with state indexes, and settings", async () => {
    const { outbox, idbFactory } = await freshOutbox({ name: "upgrade-check" });
    outbox.close();
    const db = await rawOpen(idbFactory, "upgrade-check");
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(["responses", "settings"]);
    const responses = db.transaction("responses").objectStore("responses");
    expect(responses.keyPath).toBe("id");
    expect([...responses.indexNames].sort()).toEqual(["state", "state-queuedAt"]);
    expect(responses.index("state").keyPath).toBe("state");
    expect(responses.index("state-queuedAt").keyPath).toEqual(["state", "queuedAt"]);
    const settings = db.transaction("settings").objectStore("settings");
    expect(settings.keyPath).toBeNull();
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
    const newer = await rawOpen(idbFactory, "tsunagu", 2);
    expect(newer.version).toBe(2);
    newer.close();
  });

  it("refuses to open a database already upgraded by a newer app", async () => {
    const idbFactory = (await freshOutbox({ name: "other" })).idbFactory;
    (await rawOpen(idbFactory, "tsunagu", 3)).close();
    await expect(openOutbox({ idbFactory })).rejects.toMatchObject({ name: "VersionError" });
  });
});
