import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import {
  createKyselyStorage,
  type Database,
  openPostgres,
  openSqlite,
  type Storage,
} from "../../src/server/storage";
import { freshPgSchema } from "../pg-schema";

export interface ChaosStorage {
  storage: Storage;
  db: Kysely<Database>;
  dispose(): Promise<void>;
}

/** The storage over `db`, migrated; disposing of it closes it, then `cleanUp`s what held it. */
async function migrated(
  db: Kysely<Database>,
  dialect: "sqlite" | "postgres",
  cleanUp: () => Promise<void> | void,
): Promise<ChaosStorage> {
  const storage = createKyselyStorage(db, dialect);
  await storage.migrate();
  return {
    storage,
    db,
    dispose: async () => {
      await storage.close();
      await cleanUp();
    },
  };
}

/** A migrated, empty SQLite file in a temp dir (WAL, synchronous=FULL, as the collector runs it). */
export function chaosSqlite(): Promise<ChaosStorage> {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-chaos-"));
  return migrated(openSqlite(join(dir, "tsunagu.sqlite")), "sqlite", () =>
    rmSync(dir, { recursive: true, force: true }),
  );
}

/** A migrated, empty schema of its own on the PostgreSQL server at `url`. */
export async function chaosPostgres(url: string): Promise<ChaosStorage> {
  const pgSchema = await freshPgSchema(url, "chaos");
  return migrated(openPostgres(url, { searchPath: pgSchema.schema, max: 4 }), "postgres", () =>
    pgSchema.drop(),
  );
}
