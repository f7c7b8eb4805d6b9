import type { Kysely } from "kysely";

/**
 * Measured at 1,000,000 responses (bench/tally-scale.ts): a breakdown reads every indicator answer
 * of a wave and then its response's group. With the old tally index the response id was a lookup
 * into the table for each of ~1.4M rows on SQLite (a plain seq scan on PostgreSQL); with
 * response_id as the index's last column both read the index alone (PostgreSQL: index-only scan,
 * 0 heap fetches). It replaces the old index rather than adding one, so ingest keeps the same number
 * of indexes to maintain. The group side is already served by the primary key
 * (response_id, question_id, option_id).
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("answer_choices_tally_covering")
    .on("answer_choices")
    .columns(["survey_id", "question_id", "wave", "option_id", "response_id"])
    .execute();
  await db.schema.dropIndex("answer_choices_tally").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("answer_choices_tally")
    .on("answer_choices")
    .columns(["survey_id", "question_id", "wave", "option_id"])
    .execute();
  await db.schema.dropIndex("answer_choices_tally_covering").execute();
}
