import type { Kysely } from "kysely";

/**
 * Every published version of every survey, immutable once written (DESIGN "The survey workbook"):
 * the shipped surveys/ seed it at first start, and a checked workbook publishes the next version
 * beside the others. `definition` and `changes` (from the version before) are JSON text;
 * `published_by` stays null until accounts exist.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey_versions")
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text")
    .addColumn("changes", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_versions_pk", ["survey_id", "version"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_versions").execute();
}
