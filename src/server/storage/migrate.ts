import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { staticMigrationProvider } from "./migrations";

/** Brings the schema up to date; throws with the failing migration's name. Returns what it ran. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(
  db: Kysely<any>,
  kind: "sqlite" | "postgres" = "sqlite",
): Promise<string[]> {
  // Kysely looks for its migration tables in every schema it can see unless told which one: on a
  // PostgreSQL server where another schema already has them (another app, another test), it would
  // skip creating its own and fail. The schema is the connection's current one (its search_path).
  const schema =
    kind === "postgres"
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider,
    ...(schema && { migrationTableSchema: schema }),
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
