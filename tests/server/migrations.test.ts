import { type Kysely, PostgresAdapter, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type Database, MIGRATIONS, type Storage } from "../../src/server/storage";
import { staticMigrationProvider } from "../../src/server/storage/migrations";
import { describeEachStorage, makeResponse } from "./support";

/** Runs the migrations up to and including `name`, as a collector of that day would have. */
async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({ db, provider: staticMigrationProvider, migrationTableSchema: schema });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

it("names migrations by date, in the order they run", () => {
  const names = Object.keys(MIGRATIONS);
  // The part after the date is four digits, or letters and digits where a team hands out prefixes
  // (2026_12_08_21b1_…) so that names made at the same time never collide.
  for (const name of names) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_[0-9a-z]{4}_[a-z_]+$/);
  expect([...names].sort()).toEqual(names);
});

describeEachStorage("migrations", (variant) => {
  let storage: Storage;
  let db: Kysely<Database>;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, db, dispose } = await variant.open());
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

  it("keep the population totals stored before they were per wave, as the survey-wide ones every wave without its own uses", async () => {
    await migrateTo(db, "2026_12_07_2202_audit_log");
    // Rows as the collector of 2026-12-07 stored them: one set per survey, no wave.
    await sql`insert into population_totals (survey_id, cell, dimensions, population, uploaded_at) values
      ('ward-test', 'north', '["q_area"]', 600, '2026-05-01T00:00:00.000Z'),
      ('ward-test', 'south', '["q_area"]', 400, '2026-05-01T00:00:00.000Z')`.execute(db);
    expect(await storage.migrate()).toContain("2026_12_08_21c1_population_waves");
    const legacy = {
      wave: null,
      dimensions: ["q_area"],
      cells: new Map([
        ["north", 600],
        ["south", 400],
      ]),
      uploadedAt: "2026-05-01T00:00:00.000Z",
    };
    expect(await storage.populationOf("ward-test", 2025)).toEqual(legacy);
    expect(await storage.populationOf("ward-test", null)).toEqual(legacy);
    expect(await storage.populationSets("ward-test")).toEqual([
      { wave: null, dimensions: ["q_area"], cells: 2, total: 1000, uploadedAt: "2026-05-01T00:00:00.000Z" },
    ]);
    // A wave's own upload then weighs that wave; the others keep the survey-wide totals.
    await storage.replacePopulation("ward-test", 2026, {
      dimensions: ["q_area"],
      cells: new Map([["north", 700]]),
      uploadedAt: "2026-12-08T00:00:00.000Z",
    });
    expect((await storage.populationOf("ward-test", 2026))?.cells).toEqual(new Map([["north", 700]]));
    expect(await storage.populationOf("ward-test", 2025)).toEqual(legacy);
    expect(await storage.populationOf("other", 2026)).toBeUndefined();
  });

  it("refuse to store before migrating", async () => {
    await expect(storage.storedIds(["x"])).rejects.toThrow();
  });
});
