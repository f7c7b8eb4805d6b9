import fc from "fast-check";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../src/contract/backup";
import { fiscalYear } from "../../src/domain/fiscal-year";
import { Response } from "../../src/domain/response";
import { validateResponse } from "../../src/domain/validate";
import { createApp } from "../../src/server/app";
import { fixtureSurveys, TOKEN } from "../server/support";
import {
  type HostileBody,
  hostileImport,
  hostileReceiptsBody,
  hostileResponsesBody,
} from "./hostile-payloads";
import { AUDITED_KINDS, type AuditedStorage, openAudited, type TableDump } from "./support";

// fast-check-generated hostile bodies against the collector's public write routes: wrong types,
// prototype keys, NUL bytes, deep nesting, huge strings, invalid UTF-8 and broken JSON. The collector
// must answer every one without a server error (no 5xx), and every row it stored must be a valid
// response of its survey. `npm run attack` runs 100,000 cases on /responses (a tenth on /receipts,
// a quarter on /imports); npm test runs ATTACK_RUNS (2,000).
const RUNS = Number(process.env.ATTACK_RUNS ?? 2_000);
const SEED = process.env.ATTACK_SEED ? Number(process.env.ATTACK_SEED) : undefined;
// A case takes up to ~100 ms on a loaded machine: 100,000 need hours, not the 30 minutes first given.
const TIMEOUT_MS = Math.max(600_000, RUNS * 250);

function send(
  app: Hono,
  path: string,
  { body, contentType }: HostileBody,
  extra: Record<string, string> = {},
) {
  const headers: Record<string, string> = { ...extra, ...(contentType && { "Content-Type": contentType }) };
  return app.request(path, { method: "POST", headers, body });
}

/**
 * fc.assert in chunks of 5,000 (each with its own seed, derived from ATTACK_SEED when set), printing
 * the count so far: a long run shows how far it got, and any failure still stops it at once.
 */
async function assertInChunks<T>(
  label: string,
  arb: fc.Arbitrary<T>,
  runs: number,
  check: (t: T) => Promise<void>,
): Promise<void> {
  const base = SEED ?? Date.now() % 1_000_000;
  for (let done = 0, chunk = 0; done < runs; chunk++) {
    const numRuns = Math.min(5_000, runs - done);
    await fc.assert(fc.asyncProperty(arb, check), { numRuns, seed: base + chunk });
    done += numRuns;
    if (runs > 5_000)
      console.log(`${label}: ${done} of ${runs} cases, 0 server errors (seeds ${base}..${base + chunk})`);
  }
}

/** Every stored response, read raw from the database, must be a valid response of its survey. */
function invalidStoredRows(dump: TableDump): string[] {
  const surveys = fixtureSurveys();
  const bad: string[] = [];
  const ids = new Set<string>();
  for (const row of dump.responses ?? []) {
    const id = String(row.id);
    ids.add(id);
    let answers: unknown;
    try {
      answers = JSON.parse(String(row.answers));
    } catch {
      bad.push(`${id}: answers are not JSON`);
      continue;
    }
    const parsed = Response.safeParse({
      id: row.id,
      surveyId: row.survey_id,
      surveyVersion: Number(row.survey_version),
      submittedAt: row.submitted_at,
      locale: row.locale,
      mode: row.mode,
      ...(row.event_id != null && { eventId: row.event_id }),
      ...(row.device_id != null && { deviceId: row.device_id }),
      answers,
    });
    if (!parsed.success) {
      bad.push(`${id}: ${parsed.error.message}`);
      continue;
    }
    const def = surveys.get(parsed.data.surveyId, parsed.data.surveyVersion);
    const problems = def
      ? validateResponse(def, parsed.data)
      : [{ path: "surveyId", message: "no such survey" }];
    if (problems.length > 0) bad.push(`${id}: ${JSON.stringify(problems)}`);
    if (Number(row.wave) !== fiscalYear(parsed.data.submittedAt)) bad.push(`${id}: wave ${row.wave}`);
  }
  for (const choice of dump.answer_choices ?? [])
    if (!ids.has(String(choice.response_id)))
      bad.push(`answer_choices row for unknown ${choice.response_id}`);
  return bad;
}

describe.each(AUDITED_KINDS)("hostile payloads on $kind", ({ kind, unavailable }) => {
  describe.skipIf(unavailable !== undefined)(unavailable ?? `${RUNS} cases a route`, () => {
    let audited: AuditedStorage;
    let app: Hono;
    beforeAll(async () => {
      audited = await openAudited(kind);
      app = createApp({
        storage: audited.storage,
        surveys: fixtureSurveys(),
        organizerToken: TOKEN,
        log: () => {},
      });
    });
    afterAll(async () => audited?.dispose());

    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    it(
      "POST /api/v1/responses: no 5xx, and a 200 always carries one result per item",
      async () => {
        await assertInChunks(`${kind} /responses`, hostileResponsesBody, RUNS, async (payload) => {
          const res = await send(app, "/api/v1/responses", payload);
          count(res.status);
          expect(res.status, payload.what).toBeLessThan(500);
          const body = (await res.json()) as { results?: { status: string }[]; error?: { code: string } };
          if (res.status === 200)
            for (const r of body.results ?? [])
              expect(["accepted", "duplicate", "conflict", "rejected"]).toContain(r.status);
          else expect(body.error?.code, payload.what).toMatch(/^[a-z_]+$/);
        });
        // The generator did reach the database: valid rows among the hostile ones were stored.
        expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 4);
      },
      TIMEOUT_MS,
    );

    it(
      "POST /api/v1/receipts: no 5xx",
      async () => {
        await assertInChunks(
          `${kind} /receipts`,
          hostileReceiptsBody,
          Math.max(100, Math.floor(RUNS / 10)),
          async (payload) => {
            const res = await send(app, "/api/v1/receipts", payload);
            count(res.status);
            expect(res.status, payload.what).toBeLessThan(500);
          },
        );
      },
      TIMEOUT_MS,
    );

    it(
      "POST /api/v1/imports (as the organizer): no 5xx",
      async () => {
        await assertInChunks(
          `${kind} /imports`,
          hostileImport,
          Math.max(100, Math.floor(RUNS / 4)),
          async (generated) => {
            const payload: HostileBody =
              "items" in generated
                ? {
                    what: "backup with hostile items",
                    body: JSON.stringify(await writeBackup(generated.items as never)),
                    contentType: "application/json",
                  }
                : generated;
            const res = await send(app, "/api/v1/imports", payload, { Authorization: `Bearer ${TOKEN}` });
            count(res.status);
            expect(res.status, payload.what).toBeLessThan(500);
          },
        );
      },
      TIMEOUT_MS,
    );

    it("stored only valid rows, and Object.prototype is untouched", async () => {
      const dump = await audited.dump();
      expect((dump.responses ?? []).length).toBeGreaterThan(0);
      expect(invalidStoredRows(dump)).toEqual([]);
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      console.log(
        `attack on ${kind}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(" ")}, ${(dump.responses ?? []).length} rows stored, all valid`,
      );
    });
  });
});
