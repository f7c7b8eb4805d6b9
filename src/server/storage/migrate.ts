import { type Kysely, PostgresAdapter, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { staticMigrationProvider } from "./migrations";

/** Brings the schema up to date; throws with the failing migration's name. Returns what it ran. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider,
    migrationTableSchema: await postgresSchema(db),
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
 * Kysely looks for its bookkeeping tables in every schema unless told which one, so a second
 * Tsunagu (or any Kysely app) in another schema of the same database would make this one skip
 * creating its own. Pin them to the schema the connection writes to.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above
async function postgresSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
