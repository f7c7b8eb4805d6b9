import { performance } from "node:perf_hooks";
import pg from "pg";
import { benchResponses } from "../harness/fixtures/ward-responses";
import { createKyselyStorage, openPostgres } from "../src/server/storage";
import { BATCH, baselineRows, benchApp, postInBatches } from "./bench-app";

async function freshSchema(
  url: string,
  label: string,
): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `tsunagu_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/**
 * Responses per second through POST /api/v1/responses on PostgreSQL, and through a raw bulk insert
 * of the same rows (one multi-row INSERT for responses and one for answer_choices per batch of 100,
 * in a transaction, precomputed) into the same migrated tables in a schema of its own.
 */
export async function ingestBenchPostgres(url: string, n: number): Promise<{ app: number; raw: number }> {
  const responses = benchResponses(n);
  const appSchema = await freshSchema(url, "app");
  const storage = createKyselyStorage(
    openPostgres(url, { searchPath: appSchema.schema, max: 4 }),
    "postgres",
  );
  await storage.migrate();
  const app = benchApp(storage);
  let t = performance.now();
  await postInBatches(app, responses);
  const appRate = n / ((performance.now() - t) / 1000);
  await storage.close();
  await appSchema.drop();

  const rawSchema = await freshSchema(url, "raw");
  const migrated = createKyselyStorage(
    openPostgres(url, { searchPath: rawSchema.schema, max: 1 }),
    "postgres",
  );
  await migrated.migrate();
  await migrated.close();
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${rawSchema.schema}` });
  await client.connect();
  const now = new Date().toISOString();
  const batches: { responses: unknown[]; choices: unknown[] }[] = [];
  for (let i = 0; i < n; i += BATCH) {
    const part = responses.slice(i, i + BATCH);
    const rows = part.map((r) => baselineRows(r, now));
    batches.push({
      responses: rows.flatMap((row) => row.response),
      choices: rows.flatMap((row) => row.choices.flat()),
    });
  }
  const placeholders = (rows: number, cols: number) =>
    Array.from(
      { length: rows },
      (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(", ")})`,
    ).join(", ");
  t = performance.now();
  for (const b of batches) {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO responses (id, survey_id, survey_version, wave, submitted_at, received_at, locale, mode, answers, content_hash)
       VALUES ${placeholders(b.responses.length / 10, 10)} ON CONFLICT (id) DO NOTHING`,
      b.responses,
    );
    await client.query(
      `INSERT INTO answer_choices (response_id, survey_id, wave, question_id, option_id) VALUES ${placeholders(b.choices.length / 5, 5)}`,
      b.choices,
    );
    await client.query("COMMIT");
  }
  const rawRate = n / ((performance.now() - t) / 1000);
  await client.end();
  await rawSchema.drop();
  return { app: appRate, raw: rawRate };
}
