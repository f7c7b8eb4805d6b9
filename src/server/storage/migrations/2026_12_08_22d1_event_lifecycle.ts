import { type Kysely, sql } from "kysely";

/**
 * Events and tablets managed on screen (issue 22): an event can be closed (it takes no new tablet)
 * and deleted while it holds no responses; a deleted event's row stays, marked, so that a response
 * racing the delete still names an event that exists. A tablet keeps when the collector last took a
 * request with its token. A partial index on responses' event lets the dashboard count an event's
 * and its tablets' responses without reading the self-answered ones, which name no event.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").addColumn("closed_at", "text").execute();
  await db.schema.alterTable("events").addColumn("deleted_at", "text").execute();
  await db.schema.alterTable("kiosk_devices").addColumn("last_sync_at", "text").execute();
  await db.schema
    .createIndex("responses_event_device")
    .on("responses")
    .columns(["event_id", "device_id"])
    .where(sql.ref("event_id"), "is not", null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("responses_event_device").execute();
  await db.schema.alterTable("kiosk_devices").dropColumn("last_sync_at").execute();
  await db.schema.alterTable("events").dropColumn("deleted_at").execute();
  await db.schema.alterTable("events").dropColumn("closed_at").execute();
}
