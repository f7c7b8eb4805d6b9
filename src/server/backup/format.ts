import { z } from "zod";

/**
 * A collector backup: one gzip file of JSON lines, streamed so a large collector never sits in
 * memory. Line 1 is the header; then one line per row, `["table", [value, …]]` with the values in the
 * header's column order, tables in the header's order (a table after those its foreign keys name);
 * the last line is the trailer, the SHA-256 (hex) of every line before it, each with its "\n". The
 * same file restores into SQLite or PostgreSQL: every column is text, integer or double precision,
 * which JSON carries exactly (a double's shortest decimal reads back as the same double).
 */
export const COLLECTOR_BACKUP_FORMAT = "tsunagu-collector-backup";
export const COLLECTOR_BACKUP_VERSION = 1;

export const CollectorBackupHeader = z.strictObject({
  format: z.literal(COLLECTOR_BACKUP_FORMAT),
  version: z.literal(COLLECTOR_BACKUP_VERSION),
  /** Where it was taken from; a restore may go to the other. */
  storage: z.enum(["sqlite", "postgres"]),
  /** ISO 8601: when the snapshot was read. */
  takenAt: z.iso.datetime(),
  /** The migrations the source had run, in order: the schema the rows are in. */
  migrations: z.array(z.string().min(1)),
  tables: z.array(
    z.strictObject({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.int().min(0),
    }),
  ),
});
export type CollectorBackupHeader = z.infer<typeof CollectorBackupHeader>;

export const CollectorBackupTrailer = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Lines before the trailer, header included. */
  lines: z.int().min(1),
});
export type CollectorBackupTrailer = z.infer<typeof CollectorBackupTrailer>;

/** Why a backup or restore was refused; `message` says it for the operator. */
export type CollectorBackupProblem =
  /** Not a Tsunagu collector backup at all. */
  | "foreign"
  /** One, but changed or cut short since it was written. */
  | "damaged"
  /** Taken by a collector with migrations this build does not have. */
  | "newer"
  /** The target holds data, or was set up by a later collector: a restore never writes over data. */
  | "not_empty"
  /** The file to write exists already. */
  | "exists"
  /** There is no database to back up. */
  | "missing";

export class CollectorBackupError extends Error {
  constructor(
    readonly problem: CollectorBackupProblem,
    message: string,
  ) {
    super(message);
    this.name = "CollectorBackupError";
  }
}
