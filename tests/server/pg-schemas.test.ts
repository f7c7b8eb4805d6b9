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
});
