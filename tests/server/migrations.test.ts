import { afterEach, beforeEach, expect, it } from "vitest";
import { MIGRATIONS, type Storage } from "../../src/server/storage";
import { describeEachStorage, makeResponse } from "./support";

it("names migrations by date, in the order they run", () => {
  const names = Object.keys(MIGRATIONS);
  for (const name of names) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_[0-9a-z]{4}_[a-z_]+$/);
  expect([...names].sort()).toEqual(names);
});

describeEachStorage("migrations", (variant) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, dispose } = await variant.open());
  });
  afterEach(async () => dispose());

  it("run every migration on a fresh database, then none on the next start", async () => {
    expect(await storage.migrate()).toEqual(Object.keys(MIGRATIONS));
    expect(await storage.migrate()).toEqual([]);
  });

  it("leave a schema the queries work on", async () => {
    await storage.migrate();
    const r = makeResponse({ answers: { q_prepared: "yes" } });
    const outcome = await storage.insertResponses(
      [
        {
          response: r,
          wave: 2025,
          contentHash: "h",
          choices: [{ questionId: "q_prepared", optionId: "yes" }],
        },
      ],
      "2025-06-01T00:00:00.000Z",
    );
    expect([...outcome.inserted]).toEqual([r.id]);
    const counts = await storage.countOptions({
      surveyId: r.surveyId,
      wave: 2025,
      questionIds: ["q_prepared"],
    });
    expect(counts.get("q_prepared")).toEqual({ yes: 1 });
  });

  it("migrate a second database beside one already migrated (PostgreSQL: another schema of the same server)", async () => {
    await storage.migrate();
    const second = await variant.open();
    try {
      expect(await second.storage.migrate()).toEqual(Object.keys(MIGRATIONS));
      expect(await second.storage.storedIds(["x"])).toEqual([]);
    } finally {
      await second.dispose();
    }
  });

  it("refuse to store before migrating", async () => {
    await expect(storage.storedIds(["x"])).rejects.toThrow();
  });
});
