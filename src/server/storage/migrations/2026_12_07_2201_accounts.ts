import type { Kysely } from "kysely";

/**
 * Each person signs in as themselves (issue 22). `accounts` holds an argon2id hash of the password
 * (PHC string, its salt and cost inside), never the password; `surveys` is "all" or a JSON list of
 * survey ids. A session now names the account that opened it (null for the bootstrap token's).
 * `sign_in_failures` is the sign-in throttle's state, shared by every collector process: its keys
 * are an account id or a keyed hash of an address, never the address itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("surveys", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();
  await db.schema.alterTable("organizer_sessions").addColumn("account_id", "text").execute();
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("last_at", "double precision", (c) => c.notNull())
    .addColumn("blocked_until", "double precision", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_in_failures").execute();
  await db.schema.alterTable("organizer_sessions").dropColumn("account_id").execute();
  await db.schema.dropTable("accounts").execute();
}
