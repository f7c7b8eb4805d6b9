import type { Kysely } from "kysely";

/**
 * Review changes that can be undone (issue 21 part 4): one row per change an analyst made (or an
 * undo), and one per response it moved, with the state and reason before and after. An undo puts
 * back each response still as the change left it; one moved since keeps its newer state.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("review_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    /** The change this one undid, if it is an undo. */
    .addColumn("undoes", "text")
    /** The undo that undid this change, once one did. */
    .addColumn("undone_by", "text")
    .execute();
  await db.schema
    .createTable("review_change_items")
    .addColumn("change_id", "text", (c) => c.notNull())
    .addColumn("response_id", "text", (c) => c.notNull())
    .addColumn("from_state", "text", (c) => c.notNull())
    .addColumn("from_reason", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("to_reason", "text")
    .addPrimaryKeyConstraint("review_change_items_pk", ["change_id", "response_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("review_change_items").execute();
  await db.schema.dropTable("review_changes").execute();
}
