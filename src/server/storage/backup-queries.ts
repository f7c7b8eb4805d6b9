import { type Kysely, type RawBuilder, sql } from "kysely";
import type { CellValue, RowBatch, Snapshot, SnapshotTable } from "./backup-storage";
import { BACKUP_TABLES } from "./backup-tables";
import { chunks } from "./chunks";
import type { Database } from "./database";
import type { StorageKind } from "./storage";

/** Rows per page read: small enough to stream, large enough that a million rows is ~1000 reads. */
const PAGE_ROWS = 1000;
/** Bound parameters per INSERT: under SQLite's 32766 and PostgreSQL's 65535 whatever the table. */
const PARAMETERS_PER_INSERT = 8000;

type Db = Kysely<Database>;

/**
 * One read-only snapshot of every table. SQLite: BEGIN is deferred, so the first read fixes what a
 * WAL reader sees until COMMIT, while the collector keeps writing. PostgreSQL: REPEATABLE READ sees
 * the database as of the transaction's first statement.
 */
export async function withSnapshot<T>(
  db: Db,
  kind: StorageKind,
  read: (snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  const begin =
    kind === "postgres"
      ? db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only")
      : db.transaction();
  return begin.execute(async (trx) => {
    const migrations = await appliedMigrations(trx, kind);
    const names = await collectorTables(trx, kind);
    const tables: SnapshotTable[] = [];
    for (const name of names)
      tables.push({ name, columns: await columnsOf(trx, kind, name), rows: await countRows(trx, name) });
    return read({ migrations, tables, pagesOf: (table) => pagesOf(trx, table) });
  });
}

async function* pagesOf(db: Db, table: SnapshotTable): AsyncIterable<CellValue[][]> {
  // A backup of an older schema pages on the key columns it had (population_totals gained `wave`).
  const key = keyOf(table.name).filter((column) => table.columns.includes(column));
  const keyRefs = sql.join(key.map((c) => sql.ref(c)));
  const columnRefs = sql.join(table.columns.map((c) => sql.ref(c)));
  let after: CellValue[] | undefined;
  for (;;) {
    // Keyset paging on the primary key (a row comparison, in both dialects): each page is an index
    // range, where OFFSET would rescan every page before it.
    const where = after ? sql`where (${keyRefs}) > (${sql.join(after)})` : sql``;
    const { rows } = await sql<Record<string, CellValue>>`
      select ${columnRefs} from ${sql.table(table.name)} ${where} order by ${keyRefs} limit ${PAGE_ROWS}
    `.execute(db);
    if (rows.length === 0) return;
    yield rows.map((row) => table.columns.map((c) => row[c] ?? null));
    const last = rows[rows.length - 1] as Record<string, CellValue>;
    after = key.map((c) => last[c] ?? null);
    if (rows.length < PAGE_ROWS) return;
  }
}

function keyOf(table: string): readonly string[] {
  const known = BACKUP_TABLES.find((t) => t.name === table);
  if (!known) throw new Error(`the table ${table} is not in the backup's table list (backup-tables.ts)`);
  return known.key;
}

/** The migrations run, in order; none when Kysely's bookkeeping table does not exist yet. */
// biome-ignore lint/suspicious/noExplicitAny: the bookkeeping table is Kysely's, not in Database
export async function appliedMigrations(db: Kysely<any>, kind: StorageKind): Promise<string[]> {
  if (!(await tableNames(db, kind)).includes("kysely_migration")) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * The collector's tables that exist, in restore order. A table the list does not know is an
 * error: a backup without it would not restore the collector it was taken of.
 */
export async function collectorTables(db: Db, kind: StorageKind): Promise<string[]> {
  const present = (await tableNames(db, kind)).filter((n) => !n.startsWith("kysely_"));
  const unknown = present.filter((n) => !BACKUP_TABLES.some((t) => t.name === n));
  if (unknown.length > 0)
    throw new Error(`the table ${unknown.join(", ")} is not in the backup's table list (backup-tables.ts)`);
  return BACKUP_TABLES.map((t) => t.name).filter((n) => present.includes(n));
}

// biome-ignore lint/suspicious/noExplicitAny: reads the catalogue, below the typed schema
async function tableNames(db: Kysely<any>, kind: StorageKind): Promise<string[]> {
  const query: RawBuilder<{ name: string }> =
    kind === "postgres"
      ? sql`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`;
  const { rows } = await query.execute(db);
  return rows.map((r) => r.name);
}

export async function columnsOf(db: Db, kind: StorageKind, table: string): Promise<string[]> {
  const query: RawBuilder<{ name: string }> =
    kind === "postgres"
      ? sql`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table} order by ordinal_position`
      : sql`select name from pragma_table_info(${table}) order by cid`;
  const { rows } = await query.execute(db);
  return rows.map((r) => r.name);
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  // PostgreSQL's count is a bigint, which pg hands over as text.
  return Number(rows[0]?.n ?? 0);
}

export async function rowCounts(db: Db, kind: StorageKind): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await collectorTables(db, kind)) counts[name] = await countRows(db, name);
  return counts;
}

export async function tableColumns(db: Db, kind: StorageKind): Promise<Record<string, string[]>> {
  const columns: Record<string, string[]> = {};
  for (const name of await collectorTables(db, kind)) columns[name] = await columnsOf(db, kind, name);
  return columns;
}

/** Every batch in one transaction: an error anywhere (the source's too) rolls all of it back. */
export async function insertAll(db: Db, batches: AsyncIterable<RowBatch>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for await (const batch of batches) {
      if (batch.rows.length === 0) continue;
      const columnRefs = sql.join(batch.columns.map((c) => sql.ref(c)));
      const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / batch.columns.length));
      for (const rows of chunks(batch.rows, perInsert))
        await sql`insert into ${sql.table(batch.table)} (${columnRefs})
                  values ${sql.join(rows.map((row) => sql`(${sql.join(row)})`))}`.execute(trx);
    }
  });
}
