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

/** A migrated, empty SQLite file in a temp dir (WAL, synchronous=FULL, as the collector runs it). */
export async function chaosSqlite(): Promise<ChaosStorage> {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-chaos-"));
  const db = openSqlite(join(dir, "tsunagu.sqlite"));
  const storage = createKyselyStorage(db, "sqlite");
  await storage.migrate();
  return {
    storage,
    db,
    dispose: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A migrated, empty schema of its own on the PostgreSQL server at `url`. */
export async function chaosPostgres(url: string): Promise<ChaosStorage> {
  const pgSchema = await freshPgSchema(url, "chaos");
  const db = openPostgres(url, { searchPath: pgSchema.schema, max: 4 });
  const storage = createKyselyStorage(db, "postgres");
  await storage.migrate();
  return {
    storage,
    db,
    dispose: async () => {
      await storage.close();
      await pgSchema.drop();
    },
  };
}
