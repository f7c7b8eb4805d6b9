import { type Kysely, PostgresAdapter, sql } from "kysely";
import { type MigrationResultSet, Migrator } from "kysely/migration";
import { staticMigrationProvider } from "./migrations";

/** Brings the schema up to date; throws with the failing migration's name. Returns what it ran. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return outcome(await (await migratorOf(db)).migrateToLatest());
}

/**
 * Runs the migrations up to and including `name` and no further: a restore brings an empty
 * database to the migration its backup was taken at, inserts, then migrates to the latest, so a
 * migration that rewrites rows rewrites the restored ones too. Never runs a `down`.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<string[]> {
  const migrator = await migratorOf(db);
  const known = await migrator.getMigrations();
  const at = known.findIndex((m) => m.name === name);
  if (at < 0) throw new Error(`database migration ${name} is not in this build`);
  if (known.slice(at + 1).some((m) => m.executedAt !== undefined))
    throw new Error(`the database has run migrations after ${name}`);
  return outcome(await migrator.migrateTo(name));
}

// biome-ignore lint/suspicious/noExplicitAny: as above
async function migratorOf(db: Kysely<any>): Promise<Migrator> {
  return new Migrator({
    db,
    provider: staticMigrationProvider,
    migrationTableSchema: await postgresSchema(db),
  });
}

function outcome({ error, results = [] }: MigrationResultSet): string[] {
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
