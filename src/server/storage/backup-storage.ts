import type { AuditStorage } from "./audit-storage";
import type { StorageKind } from "./storage";

/** A value of a stored column: the schema has text, integer and double precision columns only. */
export type CellValue = string | number | null;

/** A table as one snapshot holds it. */
export interface SnapshotTable {
  name: string;
  /** In the database's own column order. */
  columns: string[];
  rows: number;
}

/** Every table of the collector read at one instant (one read-only transaction). */
export interface Snapshot {
  /** The migrations the database had run, in order. */
  migrations: string[];
  tables: SnapshotTable[];
  /** The table's rows in pages, in its key's order, each row its values in `columns` order. */
  pagesOf(table: SnapshotTable): AsyncIterable<CellValue[][]>;
}

/** Rows of one table to insert, values in `columns` order. */
export interface RowBatch {
  table: string;
  columns: readonly string[];
  rows: readonly CellValue[][];
}

/**
 * What backup and restore need of a database, apart from the collector's Storage: they open a
 * connection of their own, so a backup's long read never holds the collector's connection.
 */
export interface BackupStorage extends Pick<AuditStorage, "appendAudit"> {
  readonly kind: StorageKind;
  /** Runs `read` in one read-only snapshot: SQLite a read transaction (WAL), PostgreSQL REPEATABLE READ. */
  withSnapshot<T>(read: (snapshot: Snapshot) => Promise<T>): Promise<T>;
  /** The migrations run so far, in order ([] on a database never migrated). */
  appliedMigrations(): Promise<string[]>;
  /** The rows of each collector table that exists. */
  rowCounts(): Promise<Record<string, number>>;
  /** The columns of each collector table that exists. */
  tableColumns(): Promise<Record<string, string[]>>;
  /** Runs the migrations up to and including `name`; never down (throws if past it). */
  migrateUpTo(name: string): Promise<string[]>;
  migrateToLatest(): Promise<string[]>;
  /** Inserts every batch in one transaction: all of them, or (on any error, the source's too) none. */
  insertAll(batches: AsyncIterable<RowBatch>): Promise<void>;
  close(): Promise<void>;
}
