import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { BackupStorage } from "../storage/backup-storage";
import { type BackupSummary, writeCollectorBackup } from "./write-backup";

export interface BackupSchedule {
  dir: string;
  everyHours: number;
  /** How many of the scheduled backups to keep; the oldest beyond go. */
  keep: number;
}

/** The names scheduled backups get: they sort by time, and only they are ever removed. */
const SCHEDULED = /^tsunagu-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.jsonl\.gz$/;

export function scheduledName(at: Date): string {
  return `tsunagu-${at.toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
}

/**
 * One scheduled backup into `dir`, then the oldest scheduled ones beyond `keep` removed. Files of
 * other names in the folder (a backup an operator took by hand) are left alone.
 */
export async function takeScheduledBackup(
  schedule: Pick<BackupSchedule, "dir" | "keep">,
  source: BackupStorage,
  now: () => Date = () => new Date(),
): Promise<{ summary: BackupSummary; removed: string[] }> {
  await mkdir(schedule.dir, { recursive: true });
  const summary = await writeCollectorBackup(source, join(schedule.dir, scheduledName(now())), now);
  const scheduled = (await readdir(schedule.dir)).filter((name) => SCHEDULED.test(name)).sort();
  const removed = scheduled.slice(0, Math.max(0, scheduled.length - schedule.keep));
  for (const name of removed) await rm(join(schedule.dir, name), { force: true });
  return { summary, removed };
}

/**
 * Backs up every `everyHours` inside the collector, on a connection of its own (`openSource`,
 * closed after each run). A run still going when the next is due makes that one skip; a failed run
 * is logged and the next is tried on time: the collector keeps serving either way.
 */
export function startBackupSchedule(
  schedule: BackupSchedule,
  openSource: () => BackupStorage,
  log: (line: string) => void,
): { stop(): void } {
  let running = false;
  const run = async () => {
    if (running) {
      log("backup: the previous scheduled backup is still running; skipped this one");
      return;
    }
    running = true;
    const source = openSource();
    try {
      const { summary, removed } = await takeScheduledBackup(schedule, source);
      const rows = summary.header.tables.reduce((n, t) => n + t.rows, 0);
      log(
        `backup: wrote ${summary.path} (${rows} rows, ${summary.bytes} bytes)${removed.length > 0 ? `; removed ${removed.join(", ")}` : ""}`,
      );
    } catch (error) {
      log(`backup: the scheduled backup failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
      await source.close().catch(() => {});
    }
  };
  const timer = setInterval(() => void run(), schedule.everyHours * 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
