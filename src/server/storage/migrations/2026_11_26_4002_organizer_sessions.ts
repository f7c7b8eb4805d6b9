import type { Kysely } from "kysely";

/**
 * The dashboard's sign-in sessions. Only the sha256 of a session id is stored, so a copy of the
 * database opens no session; nothing about the browser or its address is kept.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organizer_sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("organizer_sessions").execute();
}
