import { type Kysely, sql } from "kysely";
import type { ResponseCounts } from "../../contract/counts";
import { tokyoDay } from "../../domain/tokyo-day";
import type { Database } from "./database";
import type { ResponseCountQuery, StoredResponseCounts } from "./tally-storage";

// PostgreSQL answers COUNT(*) as a bigint, which pg hands over as a string.
const toCount = (value: string | number | bigint) => Number(value);

type Count = string | number | bigint;

/** A survey's stored responses (of one wave, or all) counted per Tokyo day, event, device and version. */
export async function countResponses(
  db: Kysely<Database>,
  query: ResponseCountQuery,
): Promise<StoredResponseCounts> {
  const [byDay, byEvent, byDevice, byVersion, byWaveEventDevice] = await Promise.all([
    countByDay(db, query),
    countByEvent(db, query),
    countByDevice(db, query),
    countByVersion(db, query),
    countByWaveEventDevice(db, query),
  ]);
  return { byDay, byEvent, byDevice, byVersion, byWaveEventDevice };
}

// Only counted responses: a held one (a wrong clock's year 9999, a flood) is in no panel.
const ofSurvey = (query: ResponseCountQuery) =>
  query.wave === null
    ? sql`r.survey_id = ${query.surveyId} and r.review_state = 'counted'`
    : sql`r.survey_id = ${query.surveyId} and r.wave = ${query.wave} and r.review_state = 'counted'`;

/**
 * submitted_at is ISO 8601 text as the device sent it: seconds always, then "Z" or "±HH:MM" (the
 * Response schema). SQLite and PostgreSQL share no date function, so the GROUP BY is on plain
 * substrings both have: the hour as written, the minutes only when the offset is not whole hours
 * (+05:30), and the offset. Each group is one instant's hour, shifted to its Tokyo day here; at
 * most a few thousand groups a year, however many responses.
 */
async function countByDay(db: Kysely<Database>, query: ResponseCountQuery): Promise<ResponseCounts["byDay"]> {
  const { rows } = await sql<{ hour: string; minute: string; tz: string; n: Count }>`
    select s.hour as hour, s.minute as minute, s.tz as tz, count(*) as n
    from (
      select substr(r.submitted_at, 1, 13) as hour,
        case when r.submitted_at like '%Z' or r.submitted_at like '%:00' then '00'
          else substr(r.submitted_at, 15, 2) end as minute,
        case when r.submitted_at like '%Z' then 'Z'
          else substr(r.submitted_at, length(r.submitted_at) - 5, 6) end as tz
      from responses r
      where ${ofSurvey(query)}
    ) s
    group by s.hour, s.minute, s.tz`.execute(db);
  const days = new Map<string, number>();
  for (const row of rows) {
    const day = tokyoDay(`${row.hour}:${row.minute}:00${row.tz}`);
    days.set(day, (days.get(day) ?? 0) + toCount(row.n));
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, n]) => ({ day, n }));
}

/** Most responses first; ties by id, the responses of no event last among equals. */
function byCountThenId<T extends { n: number }>(id: (row: T) => string | null) {
  return (a: T, b: T) => {
    const ka = id(a);
    const kb = id(b);
    if (b.n !== a.n) return b.n - a.n;
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? -1 : 1;
  };
}

/** Where a response's event or device is named: its column, and the table and column of the name. */
const NAMED = {
  event: { column: "r.event_id", table: "events", name: "j.name" },
  device: { column: "r.device_id", table: "kiosk_devices", name: "j.label" },
} as const;

/** Responses per event (with its name) or per kiosk device (with its label), most first. */
async function countByNamed(db: Kysely<Database>, query: ResponseCountQuery, of: keyof typeof NAMED) {
  const { column, table, name } = NAMED[of];
  const { rows } = await sql<{ group_id: string | null; name: string | null; n: Count }>`
    select ${sql.ref(column)} as group_id, ${sql.ref(name)} as name, count(*) as n
    from responses r left join ${sql.table(table)} j on j.id = ${sql.ref(column)}
    where ${ofSurvey(query)}
    group by ${sql.ref(column)}, ${sql.ref(name)}`.execute(db);
  return rows
    .map((r) => ({ id: r.group_id, name: r.name, n: toCount(r.n) }))
    .sort(byCountThenId((r) => r.id));
}

async function countByEvent(
  db: Kysely<Database>,
  query: ResponseCountQuery,
): Promise<StoredResponseCounts["byEvent"]> {
  return (await countByNamed(db, query, "event")).map((r) => ({
    eventId: r.id,
    ...(r.name !== null && { name: r.name }),
    n: r.n,
  }));
}

async function countByDevice(
  db: Kysely<Database>,
  query: ResponseCountQuery,
): Promise<StoredResponseCounts["byDevice"]> {
  return (await countByNamed(db, query, "device")).map((r) => ({
    deviceId: r.id,
    ...(r.name !== null && { label: r.name }),
    n: r.n,
  }));
}

async function countByVersion(
  db: Kysely<Database>,
  query: ResponseCountQuery,
): Promise<ResponseCounts["byVersion"]> {
  const { rows } = await sql<{ version: number | string; n: Count }>`
    select r.survey_version as version, count(*) as n
    from responses r
    where ${ofSurvey(query)}
    group by r.survey_version
    order by r.survey_version`.execute(db);
  return rows.map((r) => ({ version: Number(r.version), n: toCount(r.n) }));
}

/** The responses of an event per wave and device: what the suppression of /counts reads. */
async function countByWaveEventDevice(
  db: Kysely<Database>,
  query: ResponseCountQuery,
): Promise<StoredResponseCounts["byWaveEventDevice"]> {
  const { rows } = await sql<{ wave: number | string; event_id: string; device_id: string | null; n: Count }>`
    select r.wave as wave, r.event_id as event_id, r.device_id as device_id, count(*) as n
    from responses r
    where ${ofSurvey(query)} and r.event_id is not null
    group by r.wave, r.event_id, r.device_id`.execute(db);
  return rows.map((r) => ({
    wave: Number(r.wave),
    eventId: r.event_id,
    deviceId: r.device_id,
    n: toCount(r.n),
  }));
}
