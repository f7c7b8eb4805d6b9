import { describe, expect, it } from "vitest";
import { freshPgSchema } from "../../harness/pg-schema";
import { createKyselyStorage, openPostgres, openStorage } from "../../src/server/storage";
import { makeResponse, SURVEY } from "./support";

const DATABASE_URL = process.env.DATABASE_URL;

// Two collectors (or a test and a collector) in two schemas of one database: each migrates its
// own. Kysely's migrator, unless told the schema, finds the other schema's bookkeeping tables and
// fails with `relation "kysely_migration_lock" does not exist`.
describe.skipIf(!DATABASE_URL)("PostgreSQL schemas", () => {
  it("migrates a second schema of a database whose first schema is already migrated", async () => {
    const url = DATABASE_URL as string;
    const first = await freshPgSchema(url, "first");
    const second = await freshPgSchema(url, "second");
    try {
      const a = createKyselyStorage(openPostgres(url, { searchPath: first.schema, max: 1 }), "postgres");
      expect(await a.migrate()).toContain("2026_11_25_0001_responses");
      await a.close();
      // The schema given the way an operator would: in DATABASE_URL.
      const b = openStorage({ databaseUrl: second.url, dataDir: "/nonexistent" });
      try {
        expect(await b.migrate()).toContain("2026_11_25_0001_responses");
        expect(await b.migrate()).toEqual([]);
        const response = makeResponse({ surveyId: SURVEY });
        await b.insertResponses(
          [{ response, wave: 2025, contentHash: "h", choices: [] }],
          "2026-01-01T00:00:00.000Z",
        );
        expect(await b.storedIds([response.id])).toEqual([response.id]);
      } finally {
        await b.close();
      }
    } finally {
      await first.drop();
      await second.drop();
    }
  });

  // Kysely's own introspector read every schema on the server and called catalogue functions on
  // each: a schema another test file dropped meanwhile failed a migration with "schema
  // tsunagu_test_… does not exist" (a flake seen in CI and beside other runs).
  it("introspects only its own schema, so another schema dropped meanwhile cannot fail a migration", async () => {
    const url = DATABASE_URL as string;
    const mine = await freshPgSchema(url, "mine");
    const other = await freshPgSchema(url, "other");
    const db = openPostgres(url, { searchPath: mine.schema, max: 1 });
    try {
      const otherDb = openPostgres(url, { searchPath: other.schema, max: 1 });
      await otherDb.schema.createTable("elsewhere").addColumn("id", "integer").execute();
      await otherDb.destroy();
      await db.schema
        .createTable("here")
        .addColumn("id", "integer", (c) => c.notNull())
        .execute();
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual([`${mine.schema}.here`]);
      expect(tables[0]?.columns).toMatchObject([{ name: "id", dataType: "int4", isNullable: false }]);
      // Schemas being dropped all the while by others: every migration still runs.
      let dropping = true;
      const churn = (async () => {
        for (let i = 0; dropping; i++) {
          const temp = await freshPgSchema(url, `churn${i}`);
          const t = openPostgres(url, { searchPath: temp.schema, max: 1 });
          await t.schema.createTable("x").addColumn("id", "serial").execute();
          await t.destroy();
          await temp.drop();
        }
      })();
      try {
        for (let i = 0; i < 5; i++) {
          const fresh = await freshPgSchema(url, `fresh${i}`);
          const storage = createKyselyStorage(
            openPostgres(url, { searchPath: fresh.schema, max: 1 }),
            "postgres",
          );
          try {
            expect(await storage.migrate()).toContain("2026_11_25_0001_responses");
          } finally {
            await storage.close();
            await fresh.drop();
          }
        }
      } finally {
        dropping = false;
        await churn;
      }
    } finally {
      await db.destroy();
      await mine.drop();
      await other.drop();
    }
  });
});
