import type { Kysely, Selectable } from "kysely";
import type { DeviceSummary, EventSummary, KioskDevice, KioskEvent } from "../../contract/events";
import type { Database, EventsTable, KioskDevicesTable } from "./database";
import type { EventChange, EventDeletion } from "./event-storage";

type Count = number | string | bigint;

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
      closed_at: event.closedAt,
    })
    .execute();
}

/** Responses stored per event (any review state), read through the partial index on event_id. */
async function responsesPerEvent(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("responses")
    .select(["event_id", (eb) => eb.fn.countAll<Count>().as("n")])
    .where("event_id", "is not", null)
    .where("event_id", "in", ids)
    .groupBy("event_id")
    .execute();
  return new Map(rows.map((r) => [r.event_id as string, Number(r.n)]));
}

export async function listEvents(db: Kysely<Database>, surveyId: string | null): Promise<EventSummary[]> {
  let q = db.selectFrom("events").selectAll().where("deleted_at", "is", null);
  if (surveyId !== null) q = q.where("survey_id", "=", surveyId);
  const rows = await q.orderBy("date", "desc").orderBy("id", "desc").execute();
  const counts = await responsesPerEvent(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...eventFromRow(row), responses: counts.get(row.id) ?? 0 }));
}

/** An event that was not deleted. */
export async function getEvent(db: Kysely<Database>, id: string): Promise<KioskEvent | undefined> {
  const row = await db
    .selectFrom("events")
    .selectAll()
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row && eventFromRow(row);
}

export async function changeEvent(
  db: Kysely<Database>,
  id: string,
  change: EventChange,
): Promise<KioskEvent | undefined> {
  const values = {
    ...(change.name !== undefined && { name: change.name }),
    ...(change.place !== undefined && { place: change.place }),
    ...(change.date !== undefined && { date: change.date }),
    ...(change.closedAt !== undefined && { closed_at: change.closedAt }),
  };
  if (Object.keys(values).length > 0)
    await db.updateTable("events").set(values).where("id", "=", id).where("deleted_at", "is", null).execute();
  return getEvent(db, id);
}

/**
 * Deletes an event that holds no responses, revoking its tablets, in one transaction: the tablets
 * are revoked first, so a tablet cannot start sending after the count said none. The row is marked,
 * not removed (see the migration), and a refusal rolls the revocations back.
 */
export async function deleteEmptyEvent(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<EventDeletion | undefined> {
  class Refused extends Error {
    constructor(readonly responses: number) {
      super("the event holds responses");
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const event = await getEvent(trx, id);
      if (!event) return undefined;
      const revoked = await trx
        .updateTable("kiosk_devices")
        .set({ revoked_at: at })
        .where("event_id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      const responses = (await responsesPerEvent(trx, [id])).get(id) ?? 0;
      if (responses > 0) throw new Refused(responses);
      await trx.updateTable("events").set({ deleted_at: at }).where("id", "=", id).execute();
      return { deleted: true, devicesRevoked: Number(revoked.numUpdatedRows) } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return { deleted: false, responses: error.responses };
    throw error;
  }
}

function eventFromRow(row: Selectable<EventsTable>): KioskEvent {
  return {
    id: row.id,
    surveyId: row.survey_id,
    name: row.name,
    place: row.place,
    date: row.date,
    createdAt: row.created_at,
    closedAt: row.closed_at,
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
      last_sync_at: device.lastSyncAt,
    })
    .execute();
}

export async function listDevices(db: Kysely<Database>, eventId: string): Promise<DeviceSummary[]> {
  const rows = await db
    .selectFrom("kiosk_devices")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  // A kiosk response names its tablet's event (the intake refuses another), so the event's rows hold them all.
  const counts = await db
    .selectFrom("responses")
    .select(["device_id", (eb) => eb.fn.countAll<Count>().as("n")])
    .where("event_id", "is not", null)
    .where("event_id", "=", eventId)
    .where("device_id", "is not", null)
    .groupBy("device_id")
    .execute();
  const byDevice = new Map(counts.map((r) => [r.device_id as string, Number(r.n)]));
  return rows.map((row) => ({ ...deviceFromRow(row), responses: byDevice.get(row.id) ?? 0 }));
}

export async function renameDevice(
  db: Kysely<Database>,
  id: string,
  label: string,
): Promise<KioskDevice | undefined> {
  await db.updateTable("kiosk_devices").set({ label }).where("id", "=", id).execute();
  const row = await db.selectFrom("kiosk_devices").selectAll().where("id", "=", id).executeTakeFirst();
  return row && deviceFromRow(row);
}

/**
 * Notes a tablet's sync at `at`, unless one at or after `notBefore` is already noted: a tablet
 * sending a backlog in many requests writes its row about once a minute, not once a request, and
 * two collectors noting it at once write it once.
 */
export async function noteDeviceSync(
  db: Kysely<Database>,
  id: string,
  at: string,
  notBefore: string,
): Promise<void> {
  await db
    .updateTable("kiosk_devices")
    .set({ last_sync_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_sync_at", "is", null), eb("last_sync_at", "<", notBefore)]))
    .execute();
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
    lastSyncAt: row.last_sync_at,
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
