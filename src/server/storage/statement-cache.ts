import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * The connection Kysely's SQLite dialect sees, with each statement compiled once and kept: Kysely
 * prepares every query afresh, and compiling a batch's 100-row INSERT cost more than running it
 * (bench/RESULTS.md, ingest). Kysely holds the one connection under a mutex, so a kept statement is
 * never run twice at once. Least recently used statements go first once `size` are kept, so that
 * queries built with a varying number of parameters cannot grow the cache without bound.
 */
export function withStatementCache(db: SQLite.Database, size = 200): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql) {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = db.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}
