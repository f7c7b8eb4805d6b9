import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("kiosk_devices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    // sha256 of the token: the token itself is shown once and never stored.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("kiosk_devices_event").on("kiosk_devices").column("event_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kiosk_devices").execute();
}
