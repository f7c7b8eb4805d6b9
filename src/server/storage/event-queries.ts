import type { Kysely, Selectable } from "kysely";
import type { KioskDevice, KioskEvent } from "../../contract/events";
import type { Database, EventsTable, KioskDevicesTable } from "./database";

export async function insertEvent(db: Kysely<Database>, event: KioskEvent): Promise<void> {
  await db
    .insertInto("events")
    .values({
      id: event.id,
      survey_id: event.surveyId,
      name: event.name,
      place: event.place,
      date: event.date,
      created_at: event.createdAt,
    })
    .execute();
}

export async function listEvents(db: Kysely<Database>, surveyId: string | null): Promise<KioskEvent[]> {
  let q = db.selectFrom("events").selectAll();
  if (surveyId !== null) q = q.where("survey_id", "=", surveyId);
  const rows = await q.orderBy("date", "desc").orderBy("id", "desc").execute();
  return rows.map(eventFromRow);
}

export async function getEvent(db: Kysely<Database>, id: string): Promise<KioskEvent | undefined> {
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  return row && eventFromRow(row);
}

function eventFromRow(row: Selectable<EventsTable>): KioskEvent {
  return {
    id: row.id,
    surveyId: row.survey_id,
    name: row.name,
    place: row.place,
    date: row.date,
    createdAt: row.created_at,
  };
}

export async function insertDevice(
  db: Kysely<Database>,
  device: KioskDevice,
  tokenHash: string,
): Promise<void> {
  await db
    .insertInto("kiosk_devices")
    .values({
      id: device.id,
      label: device.label,
      token_hash: tokenHash,
      event_id: device.eventId,
      created_at: device.createdAt,
      revoked_at: device.revokedAt,
    })
    .execute();
}

export async function listDevices(db: Kysely<Database>, eventId: string): Promise<KioskDevice[]> {
  const rows = await db
    .selectFrom("kiosk_devices")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(deviceFromRow);
}

export async function deviceByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<KioskDevice | undefined> {
  const row = await db
    .selectFrom("kiosk_devices")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && deviceFromRow(row);
}

/** Sets revoked_at once (a second revoke keeps the first time); undefined when there is no such device. */
export async function revokeDevice(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<KioskDevice | undefined> {
  await db
    .updateTable("kiosk_devices")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
  const row = await db.selectFrom("kiosk_devices").selectAll().where("id", "=", id).executeTakeFirst();
  return row && deviceFromRow(row);
}

function deviceFromRow(row: Selectable<KioskDevicesTable>): KioskDevice {
  return {
    id: row.id,
    label: row.label,
    eventId: row.event_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function surveyOfDevice(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("kiosk_devices")
    .innerJoin("events", "events.id", "kiosk_devices.event_id")
    .select("events.survey_id")
    .where("kiosk_devices.id", "=", id)
    .executeTakeFirst();
  return row?.survey_id;
}
