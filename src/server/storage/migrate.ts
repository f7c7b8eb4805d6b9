import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { staticMigrationProvider } from "./migrations";

/** Brings the schema up to date; throws with the failing migration's name. Returns what it ran. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider,
    ...(options.schema && { migrationTableSchema: options.schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === "Error");
  if (error) {
    const where = failed ? ` in ${failed.migrationName}` : "";
    throw new Error(`database migration failed${where}: ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * The schema PostgreSQL creates tables in (the first of search_path). Kysely's migrator looks for
 * its bookkeeping tables in every schema unless told which: with another schema of the same
 * database already migrated (a second collector, a test), it would find those, skip creating its
 * own, then fail to read them through search_path.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("PostgreSQL has no current schema: check search_path in DATABASE_URL");
  return schema;
}
