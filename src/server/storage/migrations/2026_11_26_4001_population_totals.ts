import type { Kysely } from "kysely";

/**
 * The register's population per cell (age group, or age group × sex) of a survey, uploaded by an
 * organizer for post-stratification. `dimensions` is the JSON list of the survey's question ids the
 * cells are made of; `cell` their option ids joined by "|". An upload replaces the survey's rows.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("population_totals")
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("cell", "text", (c) => c.notNull())
    .addColumn("dimensions", "text", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("population_totals_pk", ["survey_id", "cell"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("population_totals").execute();
}
