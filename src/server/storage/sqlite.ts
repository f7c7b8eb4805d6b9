import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./database";
import { withStatementCache } from "./statement-cache";

/**
 * The embedded database. WAL lets the dashboard read while a batch commits; synchronous=FULL
 * fsyncs every commit, so a response acknowledged as accepted survives a power cut.
 */
export function openSqlite(file: string): Kysely<Database> {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}
