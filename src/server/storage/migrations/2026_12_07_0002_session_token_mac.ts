import type { Kysely } from "kysely";

/**
 * Each dashboard session remembers which organizer token opened it: an HMAC-SHA256 of the
 * session's id hash keyed by that token (auth/organizer-session.ts). A collector honours a
 * session only when its own token gives the same MAC, so changing ORGANIZER_TOKEN ends every session
 * the old token opened, on every collector process sharing the database, with nothing to clear at
 * start-up. A session from before this column has '' and matches no token: it ends too, since
 * which token opened it is unknown.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("organizer_sessions")
    .addColumn("token_mac", "text", (c) => c.notNull().defaultTo(""))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organizer_sessions").dropColumn("token_mac").execute();
}
