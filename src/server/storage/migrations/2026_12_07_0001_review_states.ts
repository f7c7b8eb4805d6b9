import { type Kysely, sql } from "kysely";

/**
 * Review states (DESIGN "Rules that keep data safe"): a response that looks wrong is stored but not
 * counted. Every response stored before this migration was counted, so the column's default keeps
 * them so. answer_choices, the tally index, holds rows of counted responses only: a held response
 * changes no tally query, and the 1M-row tally plans are untouched.
 *
 * intake_counts holds how many responses one source (a keyed hash of a client address, or a kiosk
 * device) sent in one hour window, so that the limits hold across every collector process on one
 * database. intake_salts gives each window its own random key for that hash; both are pruned with
 * their window, after which no stored value can be tied back to an address.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("responses")
    .addColumn("review_state", "text", (c) => c.notNull().defaultTo("counted"))
    .execute();
  await db.schema.alterTable("responses").addColumn("review_reason", "text").execute();
  // The dashboard lists what is held per survey; counted is the common case and needs no index.
  await db.schema
    .createIndex("responses_survey_review")
    .on("responses")
    .columns(["survey_id", "review_state"])
    .where(sql<boolean>`review_state <> 'counted'`)
    .execute();

  await db.schema
    .createTable("intake_salts")
    .addColumn("window_start", "text", (c) => c.primaryKey())
    .addColumn("salt", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("intake_counts")
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("stored", "integer", (c) => c.notNull())
    .addColumn("counted", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("intake_counts_pk", ["window_start", "source"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("intake_counts").execute();
  await db.schema.dropTable("intake_salts").execute();
  await db.schema.dropIndex("responses_survey_review").execute();
  await db.schema.alterTable("responses").dropColumn("review_reason").execute();
  await db.schema.alterTable("responses").dropColumn("review_state").execute();
}
