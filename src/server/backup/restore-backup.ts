import type { BackupStorage } from "../storage/backup-storage";
import { MIGRATIONS } from "../storage/migrations";
import { CollectorBackupError, type CollectorBackupHeader } from "./format";
import { collectorBackupBatches, type VerifiedBackup, verifyCollectorBackup } from "./read-backup";

export interface RestoreSummary extends VerifiedBackup {
  /** Migrations run after the rows went in, to bring an older backup up to this build. */
  migratedAfter: string[];
}

/**
 * Restores the backup at `path` into `target`, which must hold no data. In order, each refusal
 * before anything is written: the file is read through and judged (foreign, damaged), its migrations
 * must all be this build's (else it is newer), the target must be empty and at no later migration.
 * Then the target is migrated to the backup's migration, every row goes in in one transaction (a
 * problem found on this second read rolls all of it back), and the target is migrated to the latest.
 */
export async function restoreCollectorBackup(
  path: string,
  target: BackupStorage,
  verified?: VerifiedBackup,
): Promise<RestoreSummary> {
  const backup = verified ?? (await verifyCollectorBackup(path));
  const { header } = backup;
  checkMigrations(header.migrations);
  await checkEmpty(target, header);

  const last = header.migrations.at(-1);
  if (last) await target.migrateUpTo(last);
  await checkColumns(target, header, last);
  await target.insertAll(collectorBackupBatches(path));
  return { ...backup, migratedAfter: await target.migrateToLatest() };
}

/** The backup's migrations must be the first of this build's, in the same order (else: "newer"). */
export function checkMigrations(taken: readonly string[]): void {
  const known = Object.keys(MIGRATIONS);
  const unknown = taken.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new CollectorBackupError(
      "newer",
      `the backup was taken by a newer collector: its migration ${unknown.join(", ")} is not in this build; restore it with that collector's version or a later one`,
    );
  if (taken.some((m, i) => known[i] !== m))
    throw new CollectorBackupError(
      "newer",
      `the backup's migrations (${taken.join(", ")}) are not this build's first ones in order; restore it with the collector that took it`,
    );
}

async function checkEmpty(target: BackupStorage, header: CollectorBackupHeader): Promise<void> {
  const applied = await target.appliedMigrations();
  if (applied.some((m, i) => header.migrations[i] !== m))
    throw new CollectorBackupError(
      "not_empty",
      `the target database was set up by a later collector (it ran ${applied.at(-1)}, the backup was taken at ${header.migrations.at(-1) ?? "no migration"}); restore into an empty one`,
    );
  const holding = Object.entries(await target.rowCounts()).filter(([, rows]) => rows > 0);
  if (holding.length > 0)
    throw new CollectorBackupError(
      "not_empty",
      `the target already holds data (${holding
        .map(([table, rows]) => `${table}: ${rows} rows`)
        .join(", ")}); a restore never writes over data: restore into an empty data directory or database`,
    );
}

/** A backup's columns are those this build's migrations make, or its rows would land wrong. */
async function checkColumns(
  target: BackupStorage,
  header: CollectorBackupHeader,
  migration: string | undefined,
): Promise<void> {
  const columns = await target.tableColumns();
  for (const table of header.tables) {
    const have = columns[table.name];
    const same =
      have !== undefined &&
      have.length === table.columns.length &&
      table.columns.every((c) => have.includes(c));
    if (!same)
      throw new CollectorBackupError(
        "damaged",
        `damaged backup: its table ${table.name} (${table.columns.join(", ")}) is not the one this build makes at ${migration ?? "no migration"} (${have?.join(", ") ?? "none"})`,
      );
  }
}
