import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database";

export interface PostgresOptions {
  /** Tests isolate themselves in a schema of their own. */
  searchPath?: string;
  max?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.searchPath && { options: `-c search_path=${options.searchPath}` }),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
