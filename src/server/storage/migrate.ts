import type { Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { staticMigrationProvider } from "./migrations";

/** Brings the schema up to date; throws with the failing migration's name. Returns what it ran. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
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
