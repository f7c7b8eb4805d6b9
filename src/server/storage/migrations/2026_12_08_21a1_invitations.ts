import type { Kysely } from "kysely";

/**
 * Invitation codes of the mailed sample (DESIGN.md): a batch per mailing of a wave, optionally of
 * one stratum (the area the sample was drawn from), and its codes. A code is kept as itself, not a
 * hash: the admin downloads the unused ones again for the reminder postcard, and a code opens one
 * answer to one survey, nothing else. A code row says only whether, and by which channel, it was
 * used: no time, no response id, nothing the response row also holds. Every code row of the wave is
 * rewritten in the transaction that uses one (invitation-queries.ts), so no system column or row
 * order singles out the code a response used.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("invitation_batches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("stratum", "text")
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("invitation_batches_survey_wave")
    .on("invitation_batches")
    .columns(["survey_id", "wave"])
    .execute();
  await db.schema
    .createTable("invitation_codes")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("batch_id", "text", (c) => c.notNull().references("invitation_batches.id"))
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("stratum", "text")
    // null: unused; "online" or "paper": the channel of the response that used it.
    .addColumn("used", "text")
    .execute();
  await db.schema
    .createIndex("invitation_codes_survey_wave")
    .on("invitation_codes")
    .columns(["survey_id", "wave"])
    .execute();
  await db.schema.createIndex("invitation_codes_batch").on("invitation_codes").column("batch_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("invitation_codes").execute();
  await db.schema.dropTable("invitation_batches").execute();
}
