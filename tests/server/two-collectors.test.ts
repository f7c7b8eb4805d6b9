import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAIN, ROOT, spawnCollector } from "../../harness/collector";
import { enrolOverHttp } from "../../harness/fixtures/kiosk-enrolment";
import { seededRandom } from "../../harness/fixtures/seeded-random";
import { expectedChoices, wardResponse } from "../../harness/fixtures/ward-responses";
import { freePort } from "../../harness/free-port";
import { freshPgSchema, type PgSchema } from "../../harness/pg-schema";
import { type ItemResult, ResponsesResult } from "../../src/contract/responses";
import type { Response } from "../../src/domain/response";
import { MIGRATIONS } from "../../src/server/storage/migrations";

// docs/scaling.md, "Several collectors behind a load balancer, one PostgreSQL": two real collector
// processes (src/server/cli/main.ts, the shipped surveys) on one schema. They start together on an
// empty schema, take the same batches at the same moment, and share dashboard sessions.
//
// The overlaps are forced, not hoped for: the test holds a lock both collectors need (a table or a
// row of its own, created and not committed), waits until PostgreSQL shows both of them waiting,
// then rolls back, so both race from the same instant. Nothing is timed.

// Real processes (tsx compiles at each start): on a busy machine one start-up passes 20 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const DATABASE_URL = process.env.DATABASE_URL;
const TOKEN = "two-collectors-organizer-token-4Xq9Lm2Vz7Rk";
const SURVEY = "ward-resident";

interface Collector {
  name: string;
  origin: string;
  /** The name its PostgreSQL connections carry, to find them in pg_stat_activity. */
  applicationName: string;
  child: ChildProcess;
  ready: Promise<"listening" | "exited">;
  exited: Promise<unknown>;
  output(): string;
}

/** The real main.ts at the repository root (so it serves surveys/ward-resident.json), on `url`. */
async function startCollector(name: string, url: string, schema: string, token: string): Promise<Collector> {
  const port = await freePort();
  const applicationName = `${schema}_${name}`;
  const databaseUrl = new URL(url);
  databaseUrl.searchParams.set("application_name", applicationName);
  const dataDir = mkdtempSync(join(tmpdir(), `tsunagu-two-${name}-`));
  const spawned = spawnCollector(MAIN, ROOT, {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl.toString(),
    ORGANIZER_TOKEN: token,
    CORS_ORIGINS: "",
    TRUSTED_PROXY_HOPS: "",
  });
  const exited = spawned.exited.finally(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    name,
    origin: `http://127.0.0.1:${port}`,
    applicationName,
    child: spawned.child,
    ready: spawned.ready,
    exited,
    output: spawned.output,
  };
}

async function stopCollector(c: Collector): Promise<void> {
  if (c.child.exitCode !== null || c.child.signalCode !== null) return await c.exited.then(() => {});
  c.child.kill("SIGTERM");
  const killLater = setTimeout(() => c.child.kill("SIGKILL"), 15_000);
  await c.exited;
  clearTimeout(killLater);
}

/**
 * A lock both collectors need, held in a transaction of the test's own on `client`: `close` takes
 * it, `open` waits until PostgreSQL shows every one of `collectors` waiting on a lock, at least one
 * on the gate (the others may wait on it, or on a collector that does), then rolls back, so they
 * all go on from the same instant. `stop` tells the wait that what it waits for has
 * failed. The wait asks on another connection (`observer`): inside a transaction pg_stat_activity
 * is a snapshot taken at its first read.
 */
async function closeGate(client: pg.Client, observer: pg.Pool, lockSql: string, params: unknown[] = []) {
  await client.query("BEGIN");
  await client.query(lockSql, params);
  const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
  const pid = rows[0]?.pid;
  let stopped: unknown;
  return {
    stop: (error: unknown) => {
      stopped = error ?? new Error("stopped");
    },
    open: async (collectors: readonly Collector[]) => {
      try {
        const names = collectors.map((c) => c.applicationName);
        for (let attempt = 0; ; attempt++) {
          const waiting = await observer.query<{ n: number; gated: number }>(
            `select count(distinct application_name)::int as n,
               count(*) filter (where $2 = any(pg_blocking_pids(pid)))::int as gated
             from pg_stat_activity where application_name = any($1) and cardinality(pg_blocking_pids(pid)) > 0`,
            [names, pid],
          );
          if (waiting.rows[0]?.n === collectors.length && (waiting.rows[0]?.gated ?? 0) > 0) return;
          if (stopped !== undefined) throw stopped;
          const gone = collectors.find((c) => c.child.exitCode !== null);
          if (gone)
            throw new Error(`collector ${gone.name} exited while the gate was closed:\n${gone.output()}`);
          if (attempt >= 1_500)
            throw new Error(
              `only ${waiting.rows[0]?.n ?? 0} of ${names.length} collectors waited on the gate`,
            );
          await new Promise((r) => setTimeout(r, 25));
        }
      } finally {
        await client.query("ROLLBACK");
      }
    },
  };
}

/** `send` with the gate closed on `lockSql`: both requests are in PostgreSQL, waiting, before either goes on. */
async function throughGate<T>(
  client: pg.Client,
  observer: pg.Pool,
  lockSql: string,
  params: unknown[],
  collectors: readonly Collector[],
  send: () => Promise<T>,
): Promise<T> {
  const gate = await closeGate(client, observer, lockSql, params);
  const sent = send();
  sent.catch(gate.stop);
  await gate.open(collectors);
  return await sent;
}

/** The tablet the batches come from: enrolled on collector A, known to B through the database. */
let kiosk: Awaited<ReturnType<typeof enrolOverHttp>> | undefined;

async function post(c: Collector, responses: readonly Response[]): Promise<ItemResult[]> {
  const res = await fetch(`${c.origin}/api/v1/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${kiosk?.token}` },
    body: JSON.stringify({ responses }),
  });
  const text = await res.text();
  if (res.status !== 200)
    throw new Error(
      `collector ${c.name}: POST /responses ${res.status}: ${text}\n${c.output().slice(-1_000)}`,
    );
  return ResponsesResult.parse(JSON.parse(text)).results;
}

const ranLine = (output: string) =>
  /database: ran (.*)/
    .exec(output)?.[1]
    ?.split(", ")
    .map((s) => s.trim()) ?? [];

describe.skipIf(!DATABASE_URL)(
  `two collector processes on one PostgreSQL schema${DATABASE_URL ? "" : " (DATABASE_URL is unset)"}`,
  () => {
    let schema: PgSchema;
    let pool: pg.Pool;
    let gateClient: pg.Client;
    let a: Collector;
    let b: Collector;

    beforeAll(async () => {
      const url = DATABASE_URL as string;
      schema = await freshPgSchema(url, "two");
      pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema.schema}` });
      gateClient = new pg.Client({ connectionString: url, options: `-c search_path=${schema.schema}` });
      await gateClient.connect();

      // Both start on the empty schema. Kysely's migrator first creates its bookkeeping table
      // (CREATE TABLE IF NOT EXISTS kysely_migration); the gate is that table, created and not yet
      // committed, so both collectors block on its catalogue entry and then race past it together
      // into the migration lock and the migrations.
      const gate = await closeGate(
        gateClient,
        pool,
        "create table kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)",
      );
      [a, b] = await Promise.all([
        startCollector("a", schema.url, schema.schema, TOKEN),
        startCollector("b", schema.url, schema.schema, TOKEN),
      ]);
      await gate.open([a, b]);
      const ready = await Promise.all([a.ready, b.ready]);
      for (const [i, c] of [a, b].entries())
        if (ready[i] !== "listening") throw new Error(`collector ${c.name} did not start:\n${c.output()}`);
      kiosk = await enrolOverHttp(a.origin, TOKEN, SURVEY);
    });

    afterAll(async () => {
      await Promise.all([a, b].filter(Boolean).map(stopCollector));
      await gateClient?.end();
      await pool?.end();
      await schema?.drop();
    });

    it("both come up healthy, and each migration ran once, by one of them", async () => {
      for (const c of [a, b]) {
        const health = await fetch(`${c.origin}/api/v1/health`);
        expect(await health.json(), c.name).toEqual({ ok: true, storage: "postgres" });
      }
      const { rows } = await pool.query<{ name: string }>("select name from kysely_migration order by name");
      expect(rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
      // Each migration is named by the "ran" line of exactly one collector's start-up log.
      const ran = [...ranLine(a.output()), ...ranLine(b.output())].sort();
      expect(ran).toEqual(Object.keys(MIGRATIONS));
      const lock = await pool.query<{ id: string }>("select id from kysely_migration_lock");
      expect(lock.rows).toHaveLength(1);
    });

    /** Every response a collector answered accepted, as that collector was sent it. */
    const accepted = new Map<string, Response>();
    const GATE_ROW = `insert into responses (id, survey_id, survey_version, wave, submitted_at, received_at,
      locale, mode, answers, content_hash) values ($1, 'gate', 1, 0, '', '', '', '', '{}', 'gate')`;

    /**
     * POSTs `toA` to A and `toB` to B at once: with `gateId`, both wait in PostgreSQL on a row the
     * test holds with that id and race from its rollback; without, they are two plain concurrent
     * POSTs. Each id must be accepted by exactly one side and be a duplicate (same content) or a
     * conflict (other content) for the other. Returns which side accepted each id.
     */
    async function race(toA: readonly Response[], toB: readonly Response[], gateId?: string) {
      const both = () => Promise.all([post(a, toA), post(b, toB)]);
      const [fromA, fromB] = gateId
        ? await throughGate(gateClient, pool, GATE_ROW, [gateId], [a, b], both)
        : await both();
      expect(fromA.map((r) => r.id)).toEqual(toA.map((r) => r.id));
      expect(fromB.map((r) => r.id)).toEqual(toB.map((r) => r.id));
      const sentToB = new Map(toB.map((r) => [r.id, r]));
      const statusOnB = new Map(fromB.map((r) => [r.id, r.status]));
      const winners = new Map<string, "a" | "b">();
      for (const [i, response] of toA.entries()) {
        const onA = fromA[i]?.status;
        const onB = statusOnB.get(response.id);
        const other = sentToB.get(response.id) as Response;
        const same = JSON.stringify(other) === JSON.stringify(response);
        expect([onA, onB].sort(), response.id).toEqual(["accepted", same ? "duplicate" : "conflict"]);
        winners.set(response.id, onA === "accepted" ? "a" : "b");
        accepted.set(response.id, onA === "accepted" ? response : other);
      }
      return winners;
    }

    /**
     * The database holds every id once, as the side that answered accepted sent it, with its answer
     * choices once (answer_choices has no unique key: a second insert would show here).
     */
    async function expectStoredAsAccepted() {
      const { rows } = await pool.query<{ id: string; survey_id: string; answers: string; n: number }>(
        "select id, survey_id, answers, count(*) over (partition by id)::int as n from responses",
      );
      expect(rows).toHaveLength(accepted.size);
      for (const row of rows) {
        expect(accepted.has(row.id), row.id).toBe(true);
        expect(row.n).toBe(1);
        expect(row.survey_id).toBe(SURVEY);
        expect(JSON.parse(row.answers), row.id).toEqual(accepted.get(row.id)?.answers);
      }
      const choices = await pool.query<{ response_id: string; n: number }>(
        "select response_id, count(*)::int as n from answer_choices group by response_id",
      );
      const choicesById = new Map(choices.rows.map((r) => [r.response_id, r.n]));
      for (const [id, response] of accepted)
        expect(choicesById.get(id) ?? 0, id).toBe(expectedChoices(response));
    }

    /** `response` with other content under the same id (another answer, so another content hash). */
    const changed = (response: Response): Response => ({
      ...response,
      answers: { ...response.answers, q_years: Number(response.answers.q_years) + 1 },
    });

    it("takes the same batches from both at once: each id stored once, accepted by one, duplicate or conflict for the other", async () => {
      const random = seededRandom(2611);
      const firstAcceptedBy = { a: 0, b: 0 };
      const ROUNDS = 4;
      for (let round = 0; round < ROUNDS; round++) {
        const batch = Array.from({ length: 60 }, (_, i) => wardResponse(random, round * 100 + i, kiosk));
        // One id goes to B with other content.
        const changedAt = 7 + round;
        const toB = batch.map((r, i) => (i === changedAt ? changed(r) : r));
        // The last round is two plain simultaneous POSTs; the others wait together on a row the
        // test holds with the batch's first id, and race from its rollback.
        const winners = await race(batch, toB, round < ROUNDS - 1 ? batch[0]?.id : undefined);
        firstAcceptedBy[winners.get(batch[0]?.id as string) as "a" | "b"]++;
      }
      expect(accepted.size).toBe(ROUNDS * 60);
      await expectStoredAsAccepted();
      console.log(JSON.stringify({ rounds: ROUNDS, stored: accepted.size, firstAcceptedBy }));
    });

    it("takes the same ids from both at once in opposite orders without a deadlock", async () => {
      // A batch rebuilt in another order (a backup import, a requeued outbox) sent to B while A
      // still holds the first: each collector locks ids as it inserts them, so opposite orders
      // that meet in the middle would wait on each other. The gate holds the middle id: A stops
      // there with the first half inserted, B with the second half, then both are let go.
      const random = seededRandom(1126);
      for (let round = 0; round < 2; round++) {
        const batch = Array.from({ length: 60 }, (_, i) =>
          wardResponse(random, 1_000 + round * 100 + i, kiosk),
        );
        const toB = batch.map((r, i) => (i === 12 ? changed(r) : r)).reverse();
        await race(batch, toB, batch[30]?.id);
      }
      await expectStoredAsAccepted();
    });

    it("the organizer token works on both; a dashboard session started on A is valid on B, and signing out on B ends it on A", async () => {
      const tallies = "/api/v1/surveys/ward-resident/tallies";
      // Both were given the one organizer token (docs/scaling.md: they must be).
      for (const c of [a, b]) {
        const res = await fetch(`${c.origin}${tallies}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        expect(res.status, c.name).toBe(200);
      }
      const signIn = await fetch(`${a.origin}/api/v1/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: a.origin },
        body: JSON.stringify({ token: TOKEN }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(";")[0] as string)
        .find((c) => c.startsWith("tsunagu_session="));
      expect(cookie).toBeDefined();
      const headers = { Cookie: cookie as string };

      expect((await fetch(`${b.origin}${tallies}`)).status).toBe(401);
      expect((await fetch(`${b.origin}${tallies}`, { headers })).status).toBe(200);
      expect(await (await fetch(`${b.origin}/api/v1/session`, { headers })).json()).toEqual({
        signedIn: true,
      });
      expect((await fetch(`${a.origin}${tallies}`, { headers })).status).toBe(200);

      const signOut = await fetch(`${b.origin}/api/v1/session`, {
        method: "DELETE",
        headers: { ...headers, Origin: b.origin },
      });
      expect(signOut.status).toBe(204);
      expect((await fetch(`${a.origin}${tallies}`, { headers })).status).toBe(401);
      expect(await (await fetch(`${a.origin}/api/v1/session`, { headers })).json()).toEqual({
        signedIn: false,
      });
      expect((await fetch(`${b.origin}${tallies}`, { headers })).status).toBe(401);
    });

    it("count one address's answers against one limit, whichever collector takes them", async () => {
      // A resident's phone (no token) from 127.0.0.1, one answer a request, alternating between the
      // collectors and racing in pairs: the default limit is 20 counted an hour per address, kept in
      // the database, so the two processes together count 20, never 40.
      const random = seededRandom(2024);
      const sent: Response[] = [];
      for (let pair = 0; pair < 15; pair++) {
        const [x, y] = [0, 1].map((i): Response => {
          const {
            eventId: _event,
            deviceId: _device,
            ...answer
          } = wardResponse(random, 5_000 + pair * 2 + i);
          return { ...answer, mode: "self" };
        }) as [Response, Response];
        sent.push(x, y);
        const answers = await Promise.all([
          fetch(`${a.origin}/api/v1/responses`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ responses: [x] }),
          }),
          fetch(`${b.origin}/api/v1/responses`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ responses: [y] }),
          }),
        ]);
        for (const answer of answers) expect(answer.status).toBe(200);
      }
      const { rows } = await pool.query<{ review_state: string; n: number }>(
        "select review_state, count(*)::int as n from responses where id = any($1) group by review_state order by review_state",
        [sent.map((r) => r.id)],
      );
      expect(rows).toEqual([
        { review_state: "counted", n: 20 },
        { review_state: "held", n: 10 },
      ]);
    });
  },
);
