// Tallies with a breakdown over many responses (1,000,000 by default), on SQLite and, when
// DATABASE_URL is set, on PostgreSQL: the collector's route against one hand-written GROUP BY over
// the same tables. The data is written straight into the migrated tables (ingest has its own bench).
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import pg from "pg";
import { fiscalYear } from "../src/domain/fiscal-year";
import { uuidv7 } from "../src/domain/uuid";
import { createApp } from "../src/server/app";
import { createKyselyStorage, openPostgres, openSqlite, type Storage } from "../src/server/storage";
import { loadSurveyRegistry } from "../src/server/surveys";
import { median } from "./median";

const SURVEY = "ward-resident";
const AGES = ["age_18_29", "age_30_39", "age_40_49", "age_50_59", "age_60_69", "age_70_plus"];
const CHUNK = 20_000;

/** Deterministic rows: a response and its choices, FY2025 and FY2026, 14 areas. */
function* responseChunks(n: number) {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const start = Date.parse("2025-04-01T00:00:00Z");
  const span = Date.parse("2027-03-01T00:00:00Z") - start;
  for (let i = 0; i < n; i += CHUNK) {
    const rows = [];
    for (let j = i; j < Math.min(n, i + CHUNK); j++) {
      const at = start + Math.floor((j / n) * span);
      const prep = pick(["yes", "no", "dont_know"]);
      const answers: Record<string, string | string[]> = {
        q_area: `area_${String(1 + Math.floor(rand() * 14)).padStart(2, "0")}`,
        q_age: pick(AGES),
        q_housing: pick(["apartment", "apartment", "house", "other"]),
        q_children: pick(["yes", "no", "no"]),
        q_disaster_prep: prep,
        ...(prep === "yes" ? { q_disaster_measures: ["stockpile", "furniture"] } : {}),
        q_info_reach: pick(["feel", "somewhat", "not_really", "not_at_all", "dont_know"]),
        q_info_sources: [pick(["newsletter", "website", "sns"])],
        q_watch_over: pick(["feel", "somewhat", "not_really", "not_at_all"]),
      };
      const kiosk = rand() < 0.3;
      rows.push({
        id: uuidv7(at),
        submittedAt: new Date(at).toISOString(),
        wave: fiscalYear(new Date(at)),
        mode: kiosk ? "kiosk" : "self",
        eventId: kiosk ? `event_${1 + Math.floor(rand() * 20)}` : null,
        answers,
        choices: Object.entries(answers).flatMap(([q, a]) => (Array.isArray(a) ? a : [a]).map((o) => [q, o])),
      });
    }
    yield rows;
  }
}

async function seedSqlite(file: string, n: number): Promise<void> {
  const storage = createKyselyStorage(openSqlite(file), "sqlite");
  await storage.migrate();
  await storage.close();
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // seeding only; the measured reads are unaffected
  const insert = db.prepare(
    `INSERT INTO responses (id, survey_id, survey_version, wave, submitted_at, received_at, locale, mode,
       event_id, device_id, answers, content_hash) VALUES (?, ?, 1, ?, ?, ?, 'ja', ?, ?, NULL, ?, ?)`,
  );
  const choice = db.prepare(
    "INSERT INTO answer_choices (response_id, survey_id, wave, question_id, option_id) VALUES (?, ?, ?, ?, ?)",
  );
  const write = db.transaction(
    (rows: ReturnType<typeof responseChunks> extends Generator<infer R> ? R : never) => {
      for (const r of rows) {
        insert.run(
          r.id,
          SURVEY,
          r.wave,
          r.submittedAt,
          r.submittedAt,
          r.mode,
          r.eventId,
          JSON.stringify(r.answers),
          "0",
        );
        for (const [q, o] of r.choices) choice.run(r.id, SURVEY, r.wave, q, o);
      }
    },
  );
  for (const rows of responseChunks(n)) write(rows);
  db.pragma("optimize");
  db.exec("ANALYZE");
  db.close();
}

async function seedPostgres(url: string, schema: string, n: number): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const storage = createKyselyStorage(openPostgres(url, { searchPath: schema, max: 1 }), "postgres");
  await storage.migrate();
  await storage.close();
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  for (const rows of responseChunks(n)) {
    await client.query(
      `INSERT INTO responses (id, survey_id, survey_version, wave, submitted_at, received_at, locale, mode,
         event_id, device_id, answers, content_hash)
       SELECT id, $1, 1, wave, at, at, 'ja', mode, ev, NULL, answers, '0'
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(id, wave, at, mode, ev, answers)`,
      [
        SURVEY,
        rows.map((r) => r.id),
        rows.map((r) => r.wave),
        rows.map((r) => r.submittedAt),
        rows.map((r) => r.mode),
        rows.map((r) => r.eventId),
        rows.map((r) => JSON.stringify(r.answers)),
      ],
    );
    const flat = rows.flatMap((r) => r.choices.map(([q, o]) => [r.id, r.wave, q, o] as const));
    await client.query(
      `INSERT INTO answer_choices (response_id, survey_id, wave, question_id, option_id)
       SELECT r, $1, w, q, o FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS t(r, w, q, o)`,
      [SURVEY, flat.map((f) => f[0]), flat.map((f) => f[1]), flat.map((f) => f[2]), flat.map((f) => f[3])],
    );
  }
  await client.query("ANALYZE");
  await client.end();
}

/** The same breakdown as the route's, written by hand: counts per indicator question, wave, area, option. */
export const HAND_WRITTEN_GROUP_BY = `
  SELECT a.question_id, a.wave, a.option_id, g.option_id AS grp, COUNT(*) AS n
  FROM answer_choices a
  JOIN answer_choices g ON g.response_id = a.response_id AND g.question_id = 'q_area'
  WHERE a.survey_id = 'ward-resident' AND a.wave = 2026
    AND a.question_id IN ('q_disaster_prep', 'q_info_reach', 'q_watch_over', 'q_childcare_consult')
  GROUP BY a.question_id, a.wave, a.option_id, g.option_id`;

/**
 * Medians of `a` and `b`, run alternately after one warm-up each (so both read a warm cache), so
 * that whatever else the machine does weighs on both sides alike.
 */
async function timeAlternately(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  await a();
  await b();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++)
    for (const [k, f] of [a, b].entries()) {
      const t = performance.now();
      await f();
      times[k]?.push(performance.now() - t);
    }
  return [median(times[0]), median(times[1])];
}

function routeRequest(storage: Storage, path: string): () => Promise<void> {
  const app = createApp({
    storage,
    surveys: loadSurveyRegistry(["surveys", "surveys/archive"]),
    organizerToken: "bench",
    log: () => {},
  });
  return async () => {
    const res = await app.request(path, { headers: { Authorization: "Bearer bench" } });
    if (res.status !== 200) throw new Error(`tallies answered ${res.status}`);
    await res.json();
  };
}

export interface ScaleResult {
  storage: "sqlite" | "postgres";
  n: number;
  seedSeconds: number;
  /** ms, median: GET /tallies?wave=2026&by=q_area */
  route: number;
  /** ms, median: the hand-written GROUP BY alone */
  handWritten: number;
  runs: number;
}

const PATH = `/api/v1/surveys/${SURVEY}/tallies?wave=2026&by=q_area`;

export async function sqliteScale(file: string, n: number, runs = 5): Promise<ScaleResult> {
  const t = performance.now();
  await seedSqlite(file, n);
  const seedSeconds = (performance.now() - t) / 1000;
  const storage = createKyselyStorage(openSqlite(file), "sqlite");
  await storage.migrate(); // a migration newer than the seed's run adds its indexes here
  const raw = new SQLite(file, { readonly: true });
  const query = raw.prepare(HAND_WRITTEN_GROUP_BY);
  try {
    const [route, handWritten] = await timeAlternately(runs, routeRequest(storage, PATH), async () =>
      query.all(),
    );
    return { storage: "sqlite", n, seedSeconds, route, handWritten, runs };
  } finally {
    raw.close();
    await storage.close();
  }
}

export async function postgresScale(url: string, n: number, runs = 5): Promise<ScaleResult> {
  const schema = `tsunagu_bench_${process.pid}`;
  const t = performance.now();
  await seedPostgres(url, schema, n);
  const seedSeconds = (performance.now() - t) / 1000;
  try {
    const storage = createKyselyStorage(openPostgres(url, { searchPath: schema, max: 4 }), "postgres");
    await storage.migrate();
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      const [route, handWritten] = await timeAlternately(runs, routeRequest(storage, PATH), () =>
        client.query(HAND_WRITTEN_GROUP_BY),
      );
      return { storage: "postgres", n, seedSeconds, route, handWritten, runs };
    } finally {
      await client.end();
      await storage.close();
    }
  } finally {
    if (!process.env.BENCH_KEEP) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
}
