import type { Kysely } from "kysely";

/**
 * Paper returns keyed twice (issue 21): one row per keying, beside its response. The keyer (an
 * account's login) is staff identity, not resident data, so it lives here and never in the
 * responses table that exports read. A form's keyings are found by (survey_id, paper_form).
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("paper_keyings")
    .addColumn("response_id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("paper_form", "text", (c) => c.notNull())
    .addColumn("keyed_by", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("paper_keyings_form")
    .on("paper_keyings")
    .columns(["survey_id", "paper_form"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("paper_keyings").execute();
}
