import { type DatabaseIntrospector, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database";
import { SearchPathIntrospector } from "./postgres-introspector";

/** PostgreSQL with introspection (the migrator's) kept to this connection's own schemas. */
class SearchPathPostgresDialect extends PostgresDialect {
  // biome-ignore lint/suspicious/noExplicitAny: as Kysely declares it
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}

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
  return new Kysely<Database>({ dialect: new SearchPathPostgresDialect({ pool }) });
}
