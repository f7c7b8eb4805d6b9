import { existsSync, mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { uuidv7 } from "../../domain/uuid";
import { CollectorBackupError } from "../backup/format";
import { verifyCollectorBackup } from "../backup/read-backup";
import { checkMigrations, type RestoreSummary, restoreCollectorBackup } from "../backup/restore-backup";
import { type BackupSummary, writeCollectorBackup } from "../backup/write-backup";
import type { BackupStorage } from "../storage/backup-storage";
import type { StorageConfig } from "../storage/open";
import { CLI_ACTOR } from "./admin-command";
import type { Output } from "./output";

export const BACKUP_USAGE = {
  backup:
    "usage: npm run backup -- FILE   (writes the collector's database, SQLite in DATA_DIR or DATABASE_URL, to FILE)",
  restore:
    "usage: npm run restore -- FILE   (restores FILE into an empty database: SQLite in DATA_DIR, or DATABASE_URL)",
  "move-to-postgres":
    "usage: DATABASE_URL=postgres://… npm run move-to-postgres   (copies the SQLite collector in DATA_DIR into that empty PostgreSQL database)",
} as const;
export type BackupVerb = keyof typeof BACKUP_USAGE;

export interface BackupCommandDeps {
  /** The collector's database settings (DATA_DIR, DATABASE_URL). */
  config: StorageConfig;
  /** Where a relative FILE is resolved: the folder the user typed the command in. */
  cwd: string;
  open: (config: StorageConfig) => BackupStorage;
  output: Output;
  now?: () => Date;
}

/**
 * `npm run backup -- FILE`, `npm run restore -- FILE` and `npm run move-to-postgres` (a backup of the
 * SQLite collector into DATA_DIR/backups/, then its restore into DATABASE_URL: one mechanism, and a
 * file to fall back on). Exit 0: done; 1: refused or failed, with why; 2: usage.
 */
export async function runBackupCommand(
  verb: BackupVerb,
  args: readonly string[],
  deps: BackupCommandDeps,
): Promise<number> {
  const wantsFile = verb !== "move-to-postgres";
  const file = args[0];
  if (wantsFile ? args.length !== 1 || !file || file.startsWith("-") : args.length !== 0) {
    deps.output.err(BACKUP_USAGE[verb]);
    return 2;
  }
  try {
    if (verb === "backup") {
      const summary = await backup(resolve(deps.cwd, file as string), deps.config, deps);
      deps.output.out(describeBackup(summary, where(deps.config)));
      return 0;
    }
    if (verb === "restore") {
      const path = resolve(deps.cwd, file as string);
      const summary = await restore(path, deps.config, deps);
      deps.output.out(describeRestore(path, summary, where(deps.config)));
      return 0;
    }
    return await moveToPostgres(deps);
  } catch (error) {
    if (!(error instanceof CollectorBackupError)) throw error;
    deps.output.err(error.message);
    deps.output.err(verb === "backup" ? "nothing was written" : "nothing was restored");
    return 1;
  }
}

async function moveToPostgres(deps: BackupCommandDeps): Promise<number> {
  const url = deps.config.databaseUrl?.trim();
  if (!url) {
    deps.output.err(
      `DATABASE_URL is not set: say which PostgreSQL database to move to\n${BACKUP_USAGE["move-to-postgres"]}`,
    );
    return 2;
  }
  const source: StorageConfig = { dataDir: deps.config.dataDir };
  const at = (deps.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
  const path = join(deps.config.dataDir, "backups", `move-to-postgres-${at}.jsonl.gz`);
  mkdirSync(join(deps.config.dataDir, "backups"), { recursive: true });
  const taken = await backup(path, source, deps);
  deps.output.out(describeBackup(taken, where(source)));
  const restored = await restore(path, { dataDir: deps.config.dataDir, databaseUrl: url }, deps);
  deps.output.out(describeRestore(path, restored, "PostgreSQL"));
  deps.output.out(
    `moved: start the collector with this DATABASE_URL; the SQLite file in ${deps.config.dataDir} is left as it was`,
  );
  return 0;
}

/**
 * The backup, then its line in the source's audit log: a copy of every response left the collector,
 * as an export does. Written after the snapshot, so the backup itself does not hold it.
 */
async function backup(path: string, config: StorageConfig, deps: BackupCommandDeps): Promise<BackupSummary> {
  if (!config.databaseUrl?.trim() && !existsSync(sqliteFile(config)))
    throw new CollectorBackupError(
      "missing",
      `there is no collector database in ${config.dataDir} to back up`,
    );
  const source = deps.open(config);
  try {
    const summary = await writeCollectorBackup(source, path, deps.now);
    await source.appendAudit({
      id: uuidv7(),
      at: (deps.now?.() ?? new Date()).toISOString(),
      actor: CLI_ACTOR,
      action: "collector_backed_up",
      target: basename(path),
      detail: {
        takenAt: summary.header.takenAt,
        responses: summary.header.tables.find((t) => t.name === "responses")?.rows ?? 0,
        rows: totalRows(summary),
        sha256: summary.sha256,
      },
    });
    return summary;
  } finally {
    await source.close();
  }
}

async function restore(
  path: string,
  config: StorageConfig,
  deps: BackupCommandDeps,
): Promise<RestoreSummary> {
  // Judged whole before the target is even opened: a bad file leaves no empty database behind.
  const verified = await verifyCollectorBackup(path).catch((error: unknown) => {
    if (error instanceof CollectorBackupError)
      throw new CollectorBackupError(error.problem, `${path}: ${error.message}`);
    throw new CollectorBackupError("foreign", `${path}: cannot read it: ${(error as Error).message}`);
  });
  checkMigrations(verified.header.migrations);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const target = deps.open(config);
  try {
    return await restoreCollectorBackup(path, target, verified);
  } finally {
    await target.close();
  }
}

/** Where openStorage keeps the SQLite database (storage/open.ts). */
function sqliteFile(config: StorageConfig): string {
  return join(config.dataDir, "tsunagu.sqlite");
}

function where(config: StorageConfig): string {
  return config.databaseUrl?.trim() ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
}

function totalRows(summary: { header: BackupSummary["header"] }): number {
  return summary.header.tables.reduce((n, t) => n + t.rows, 0);
}

function tablesLine(summary: { header: BackupSummary["header"] }): string {
  return summary.header.tables.map((t) => `${t.name} ${t.rows}`).join(", ");
}

function describeBackup(s: BackupSummary, from: string): string {
  return [
    `wrote ${s.path} (${s.bytes} bytes): ${totalRows(s)} rows of ${from} as of ${s.header.takenAt}, at migration ${s.header.migrations.at(-1) ?? "none"}`,
    `  ${tablesLine(s)}`,
    `  sha256 ${s.sha256}`,
  ].join("\n");
}

function describeRestore(path: string, s: RestoreSummary, into: string): string {
  return [
    `restored ${path} (taken ${s.header.takenAt} from ${s.header.storage}) into ${into}: ${totalRows(s)} rows`,
    `  ${tablesLine(s)}`,
    s.migratedAfter.length > 0
      ? `  then migrated: ${s.migratedAfter.join(", ")}`
      : "  no migration to run after it",
  ].join("\n");
}
