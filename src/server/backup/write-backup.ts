import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { BackupStorage, Snapshot } from "../storage/backup-storage";
import {
  COLLECTOR_BACKUP_FORMAT,
  COLLECTOR_BACKUP_VERSION,
  CollectorBackupError,
  type CollectorBackupHeader,
  type CollectorBackupTrailer,
} from "./format";

export interface BackupSummary {
  path: string;
  header: CollectorBackupHeader;
  sha256: string;
  bytes: number;
}

/**
 * Writes every table of `source`, read in one snapshot, to `path` (format.ts) while the collector
 * keeps taking responses. The file appears whole or not at all: it is written beside `path`, flushed
 * to disk, then renamed. An existing file is never replaced.
 */
export async function writeCollectorBackup(
  source: BackupStorage,
  path: string,
  now: () => Date = () => new Date(),
): Promise<BackupSummary> {
  if (existsSync(path))
    throw new CollectorBackupError("exists", `${path} exists already: a backup never replaces a file`);
  const partial = `${path}.partial`;
  try {
    const { header, sha256 } = await source.withSnapshot(async (snapshot) => {
      const header: CollectorBackupHeader = {
        format: COLLECTOR_BACKUP_FORMAT,
        version: COLLECTOR_BACKUP_VERSION,
        storage: source.kind,
        takenAt: now().toISOString(),
        migrations: snapshot.migrations,
        tables: snapshot.tables,
      };
      const hash = createHash("sha256");
      await pipeline(
        Readable.from(linesOf(header, snapshot, hash)),
        createGzip(),
        // flush: fsync before close, so the rename below never publishes a file still in the cache.
        createWriteStream(partial, { flags: "wx", flush: true }),
      );
      return { header, sha256: hash.digest("hex") };
    });
    if (existsSync(path))
      throw new CollectorBackupError(
        "exists",
        `${path} appeared while the backup was written: a backup never replaces a file`,
      );
    await rename(partial, path);
    return { path, header, sha256, bytes: (await stat(path)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function* linesOf(
  header: CollectorBackupHeader,
  snapshot: Snapshot,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<string> {
  let lines = 0;
  const line = (text: string) => {
    lines += 1;
    const withEnd = `${text}\n`;
    hash.update(withEnd);
    return withEnd;
  };
  yield line(JSON.stringify(header));
  for (const table of snapshot.tables) {
    let written = 0;
    const prefix = `[${JSON.stringify(table.name)},`;
    for await (const page of snapshot.pagesOf(table)) {
      // One chunk per page: a line per row would be a million tiny writes through gzip.
      yield page.map((values) => line(`${prefix}${JSON.stringify(values)}]`)).join("");
      written += page.length;
    }
    // The count and the rows come from the same snapshot; a difference is a bug, not a race.
    if (written !== table.rows)
      throw new Error(`${table.name}: counted ${table.rows} rows but read ${written}`);
  }
  const trailer: CollectorBackupTrailer = { sha256: hash.copy().digest("hex"), lines };
  yield `${JSON.stringify(trailer)}\n`;
}
