import type { Kysely } from "kysely";
import { appendAudit } from "./audit-queries";
import { appliedMigrations, insertAll, rowCounts, tableColumns, withSnapshot } from "./backup-queries";
import type { BackupStorage } from "./backup-storage";
import type { Database } from "./database";
import { migrateToLatest, migrateUpTo } from "./migrate";
import type { StorageKind } from "./storage";

/** Backup and restore over either dialect, on a connection of their own. */
export function createBackupStorage(db: Kysely<Database>, kind: StorageKind): BackupStorage {
  return {
    kind,
    withSnapshot: (read) => withSnapshot(db, kind, read),
    appliedMigrations: () => appliedMigrations(db, kind),
    rowCounts: () => rowCounts(db, kind),
    tableColumns: () => tableColumns(db, kind),
    migrateUpTo: (name) => migrateUpTo(db, name),
    migrateToLatest: () => migrateToLatest(db),
    insertAll: (batches) => insertAll(db, batches),
    appendAudit: (entry) => appendAudit(db, entry),
    close: () => db.destroy(),
  };
}
