import { type Kysely, sql } from "kysely";

/**
 * An account lists and ends its own sessions (issue 22): each session gets a `handle`, a random
 * name to show and to end it by (the id's hash stays the key the cookie is looked up by, and is
 * never answered), and `last_seen_at`, when it was last used. A session opened before this has its
 * hash for a handle: it reveals nothing a handle would not (the hash opens nothing), and such a
 * session ends within its 8 hours anyway.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organizer_sessions").addColumn("handle", "text").execute();
  await db.schema.alterTable("organizer_sessions").addColumn("last_seen_at", "text").execute();
  await sql`UPDATE organizer_sessions SET handle = id_hash, last_seen_at = created_at`.execute(db);
  await db.schema
    .createIndex("organizer_sessions_account")
    .on("organizer_sessions")
    .column("account_id")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("organizer_sessions_account").execute();
  await db.schema.alterTable("organizer_sessions").dropColumn("last_seen_at").execute();
  await db.schema.alterTable("organizer_sessions").dropColumn("handle").execute();
}
