import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import { benchResponses } from "../harness/fixtures/ward-responses";
import type { Response } from "../src/domain/response";
import { DEFAULT_INTAKE_LIMITS } from "../src/server/responses/intake";
import { createKyselyStorage, openSqlite } from "../src/server/storage";
import { BATCH, baselineRows, benchApp, postInBatches } from "./bench-app";
import { median } from "./median";

/**
 * Responses per second through POST /api/v1/responses, and through a raw insert of the same rows.
 * Both sides first warm up on 2,000 other responses (the app's code paths need the JIT; the raw
 * insert barely does), then alternate in 5 rounds, so that load from elsewhere on a shared machine
 * falls on both alike; each rate is its total rows over its total time.
 */
export async function ingestBench(
  appFile: string,
  rawFile: string,
  n: number,
): Promise<{ app: number; raw: number }> {
  const warm = 2_000;
  const all = benchResponses(n + warm);
  const warmup = all.slice(n);
  const responses = all.slice(0, n);
  const storage = createKyselyStorage(openSqlite(appFile), "sqlite");
  await storage.migrate();
  const app = benchApp(storage, {
    // As a phone's answers arrive: counted against their address (its hour's salt, its count read,
    // its upsert in the insert's transaction), with limits high enough that all are counted.
    clientAddress: () => "192.0.2.1",
    intakeLimits: { ...DEFAULT_INTAKE_LIMITS, addressCounted: 1e9, addressStored: 1e9 },
  });

  // The baseline writes the same rows into the same migrated tables (same indexes), precomputed,
  // in the same batches: what is left of the ratio is the collector's own work per item.
  const rawStorage = createKyselyStorage(openSqlite(rawFile), "sqlite");
  await rawStorage.migrate();
  await rawStorage.close();
  const raw = new SQLite(rawFile);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  // The collector's connection enforces answer_choices → responses; the baseline does the same work.
  raw.pragma("foreign_keys = ON");
  const insert = raw.prepare(
    `INSERT INTO responses (id, survey_id, survey_version, wave, submitted_at, received_at, locale, mode,
       event_id, device_id, answers, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const choice = raw.prepare(
    "INSERT INTO answer_choices (response_id, survey_id, wave, question_id, option_id) VALUES (?, ?, ?, ?, ?)",
  );
  const now = new Date().toISOString();
  const precompute = (items: Response[]) => items.map((r) => baselineRows(r, now));
  const batch = raw.transaction((items: ReturnType<typeof precompute>) => {
    for (const { response, choices } of items) {
      insert.run(...response);
      for (const row of choices) choice.run(...row);
    }
  });
  const insertAll = (rows: ReturnType<typeof precompute>) => {
    for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH));
  };

  await postInBatches(app, warmup);
  insertAll(precompute(warmup));
  const rounds = 5;
  const per = Math.ceil(n / rounds / BATCH) * BATCH;
  let appMs = 0;
  let rawMs = 0;
  for (let start = 0; start < n; start += per) {
    const part = responses.slice(start, start + per);
    let t = performance.now();
    await postInBatches(app, part);
    appMs += performance.now() - t;
    const rows = precompute(part);
    t = performance.now();
    insertAll(rows);
    rawMs += performance.now() - t;
  }
  await storage.close();
  raw.close();
  return { app: n / (appMs / 1000), raw: n / (rawMs / 1000) };
}

/**
 * The tallies route with a breakdown by area, against one hand-written GROUP BY over the same file.
 * The two alternate, run by run, so that load from elsewhere on a shared machine falls on both alike
 * (run one after the other, one blip once made the ratio 1.76 where four reruns gave 1.06 to 1.09).
 */
export async function tallyBench(
  file: string,
  runs = 11,
): Promise<{ app: number; raw: number; runs: number }> {
  const storage = createKyselyStorage(openSqlite(file), "sqlite");
  const app = benchApp(storage);
  const raw = new SQLite(file, { readonly: true });
  const query = raw.prepare(`
    SELECT a.question_id, a.option_id, g.option_id AS grp, COUNT(*) AS n
    FROM answer_choices a JOIN answer_choices g ON g.response_id = a.response_id AND g.question_id = 'q_area'
    WHERE a.survey_id = 'ward-resident' AND a.wave = 2026
      AND a.question_id IN ('q_disaster_prep', 'q_info_reach', 'q_watch_over', 'q_childcare_consult')
    GROUP BY a.question_id, a.option_id, g.option_id`);
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const res = await app.request("/api/v1/surveys/ward-resident/tallies?wave=2026&by=q_area", {
      headers: { Authorization: "Bearer bench" },
    });
    if (res.status !== 200) throw new Error(`tallies answered ${res.status}`);
    await res.json();
    appTimes.push(performance.now() - t);
    t = performance.now();
    query.all();
    rawTimes.push(performance.now() - t);
  }
  await storage.close();
  raw.close();
  return { app: median(appTimes), raw: median(rawTimes), runs };
}
