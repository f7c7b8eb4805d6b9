import { join } from "node:path";
import type { Kysely } from "kysely";
import type { BackupStorage } from "./backup-storage";
import type { Database } from "./database";
import { createBackupStorage } from "./kysely-backup-storage";
import { createKyselyStorage } from "./kysely-storage";
import { openPostgres } from "./postgres";
import { openSqlite } from "./sqlite";
import type { Storage, StorageKind } from "./storage";

export interface StorageConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** PostgreSQL when a postgres:// URL is given, else the SQLite file in dataDir. Not yet migrated. */
export function openStorage(config: StorageConfig): Storage {
  const { db, kind } = openDatabase(config);
  return createKyselyStorage(db, kind);
}

/**
 * The same database as openStorage, on a connection of its own (one, for PostgreSQL): a backup
 * taken inside the collector's process then never holds the connection its requests use.
 */
export function openBackupStorage(config: StorageConfig): BackupStorage {
  const { db, kind } = openDatabase(config, 1);
  return createBackupStorage(db, kind);
}

function openDatabase(config: StorageConfig, max?: number): { db: Kysely<Database>; kind: StorageKind } {
  const url = config.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(?:ql)?:\/\//.test(url))
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL (unset it for SQLite)");
    return { db: openPostgres(url, max ? { max } : {}), kind: "postgres" };
  }
  return { db: openSqlite(join(config.dataDir, "tsunagu.sqlite")), kind: "sqlite" };
}
