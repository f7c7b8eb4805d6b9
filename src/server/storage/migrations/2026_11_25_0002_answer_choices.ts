import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("answer_choices")
    .addColumn("response_id", "text", (c) => c.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("option_id", "text", (c) => c.notNull())
    // Also serves the breakdown's self-join, which looks up (response_id, question_id).
    .addPrimaryKeyConstraint("answer_choices_pk", ["response_id", "question_id", "option_id"])
    .execute();
  // A tally counts one survey's questions, optionally in one wave, grouped by option.
  await db.schema
    .createIndex("answer_choices_tally")
    .on("answer_choices")
    .columns(["survey_id", "question_id", "wave", "option_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("answer_choices").execute();
}
