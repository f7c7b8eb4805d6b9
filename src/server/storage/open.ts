import { join } from "node:path";
import { createKyselyStorage } from "./kysely-storage";
import { openPostgres } from "./postgres";
import { openSqlite } from "./sqlite";
import type { Storage } from "./storage";

/** PostgreSQL when a postgres:// URL is given, else the SQLite file in dataDir. Not yet migrated. */
export function openStorage(config: { databaseUrl?: string | undefined; dataDir: string }): Storage {
  const url = config.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(?:ql)?:\/\//.test(url))
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL (unset it for SQLite)");
    return createKyselyStorage(openPostgres(url), "postgres");
  }
  return createKyselyStorage(openSqlite(join(config.dataDir, "tsunagu.sqlite")), "sqlite");
}
