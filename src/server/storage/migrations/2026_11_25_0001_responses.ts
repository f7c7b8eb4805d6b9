import type { Kysely } from "kysely";

// Migrations take Kysely<any>: they describe the schema as it was on their day, not as it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("survey_version", "integer", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("event_id", "text")
    .addColumn("device_id", "text")
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .execute();
  // The CSV export pages through one survey (and wave) in id order.
  await db.schema
    .createIndex("responses_survey_wave_id")
    .on("responses")
    .columns(["survey_id", "wave", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("responses").execute();
}
