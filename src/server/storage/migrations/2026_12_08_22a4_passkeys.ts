import type { Kysely } from "kysely";

/**
 * Passkeys (WebAuthn, issue 22): an account's credentials, by the credential id the authenticator
 * chose, with the public key (nothing secret) and the signature counter, checked at each sign-in.
 * The challenges a ceremony signs are in the database, not one process's memory, so a collector
 * process other than the one that gave a challenge can check it; each is taken (deleted) once.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("passkeys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    // A 32-bit unsigned count: past int4, and a bigint comes back from PostgreSQL as a string, so the
    // same row would read differently from the two storages (and a backup moved between them).
    .addColumn("counter", "double precision", (c) => c.notNull())
    .addColumn("transports", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("passkeys_account").on("passkeys").column("account_id").execute();
  await db.schema
    .createTable("webauthn_challenges")
    .addColumn("challenge", "text", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("account_id", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webauthn_challenges").execute();
  await db.schema.dropTable("passkeys").execute();
}
