import type { Kysely } from "kysely";

/**
 * Published results snapshots (issue 23): one row per (survey, wave, publication number), the
 * snapshot as JSON text written once and never changed, so later answers move no published page.
 * Unpublishing only stamps `unpublished_at` (and who): the snapshot itself stays, as the audit
 * log's record of what residents were shown.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("results_publications")
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("publication", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text")
    .addColumn("unpublished_at", "text")
    .addColumn("unpublished_by", "text")
    .addPrimaryKeyConstraint("results_publications_pk", ["survey_id", "wave", "publication"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("results_publications").execute();
}
