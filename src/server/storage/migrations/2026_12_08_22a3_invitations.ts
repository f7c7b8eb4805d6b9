import type { Kysely } from "kysely";

/**
 * An admin invites someone by a one-time link (issue 22): only the sha256 of the link's token is
 * kept. The row stays after use (who it made, when) or withdrawal, so the audit log and the list
 * agree; `surveys` is "all" or a JSON list, as in `accounts`.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("surveys", "text", (c) => c.notNull())
    .addColumn("login", "text")
    .addColumn("display_name", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("account_id", "text")
    .addColumn("revoked_at", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("invitations").execute();
}
