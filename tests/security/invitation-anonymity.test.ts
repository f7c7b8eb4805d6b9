import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponsesResult } from "../../src/contract/responses";
import type { Response } from "../../src/domain/response";
import { createApp } from "../../src/server/app";
import { fixtureSurveys, makeResponse, postJson, SURVEY, TOKEN } from "../server/support";
import { AUDITED_KINDS, type AuditedStorage, openAudited } from "./support";

// DESIGN.md: an invitation code is never linked to the answers. Responses are sent with codes whose
// use the test knows (the truth), then every column of the response tables is joined with every
// column of the code tables, plus the system columns (SQLite rowid; PostgreSQL xmin and ctid) and
// the row order of each table, and no join may find the code of more responses than chance would.
const CODES_PER_STRATUM = 30;
const CODED = 24;
const UNCODED = 5;
const organizer = { Authorization: `Bearer ${TOKEN}` };

/** A deterministic shuffle (xorshift), so a failure can be run again as it was. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Each row's values by column, as text; several values where a row has several rows under it. */
type Attributes = Map<string, Set<string>>;
const add = (attrs: Attributes, column: string, value: unknown) => {
  const text = value === null || value === undefined ? "∅null" : String(value);
  const set = attrs.get(column) ?? new Set<string>();
  set.add(text);
  attrs.set(column, set);
};

/** (page, tuple) of a PostgreSQL ctid "(0,12)", or a rowid, as a sortable pair. */
const position = (row: Record<string, unknown>) => {
  const raw = String(row._pos);
  const m = /^\((\d+),(\d+)\)$/.exec(raw);
  return m ? [Number(m[1]), Number(m[2])] : [Number(raw), 0];
};
const byPosition = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const [pa, ta] = position(a) as [number, number];
  const [pb, tb] = position(b) as [number, number];
  return pa - pb || ta - tb;
};

describe.each(AUDITED_KINDS)("invitation anonymity on $kind", ({ kind, unavailable }) => {
  describe.skipIf(unavailable !== undefined)(unavailable ?? "every join", () => {
    let audited: AuditedStorage;
    let app: Hono;
    /** Response id → the code it was sent with. */
    const truth = new Map<string, string>();

    const send = async (responses: Response[]) => {
      const res = await app.request("/api/v1/responses", postJson({ responses }));
      const { results } = ResponsesResult.parse(await res.json());
      expect(results.map((r) => r.status)).toEqual(responses.map(() => "accepted"));
    };

    beforeAll(async () => {
      audited = await openAudited(kind);
      app = createApp({
        storage: audited.storage,
        surveys: fixtureSurveys(),
        organizerToken: TOKEN,
        log: () => {},
      });
      const codes: string[] = [];
      for (const stratum of ["north", "south"]) {
        const res = await app.request(
          `/api/v1/surveys/${SURVEY}/invitations`,
          postJson({ wave: 2025, count: CODES_PER_STRATUM, stratum }, organizer),
        );
        const { batchId } = (await res.json()) as { batchId: string };
        const csv = await (
          await app.request(`/api/v1/surveys/${SURVEY}/invitations/${batchId}.csv`, { headers: organizer })
        ).text();
        codes.push(
          ...csv
            .trim()
            .split("\r\n")
            .slice(1)
            .map((line) => line.split(",")[0] as string),
        );
      }
      // Used in an order that has nothing to do with the order the codes were made in.
      const used = shuffled(codes, kind === "sqlite" ? 7_919 : 104_729).slice(0, CODED);
      const answers = ["yes", "no", "dk"];
      const responses = used.map((code, i) => {
        const r = makeResponse({
          invitation: code,
          submittedAt: `2025-06-${String(1 + (i % 28)).padStart(2, "0")}T0${i % 10}:00:00.000Z`,
          answers: {
            q_prepared: answers[i % 3] as string,
            q_area: i % 2 ? "north" : "south",
            q_household: 1 + (i % 20),
          },
        });
        truth.set(r.id, code);
        return r;
      });
      // Most one request each (a phone), a few in one batch (a phone that was offline), and
      // responses without a code between them.
      for (const [i, r] of responses.slice(0, CODED - 4).entries()) {
        await send([r]);
        if (i % 4 === 0) await send([makeResponse({ answers: { q_prepared: "yes" } })]);
      }
      await send(responses.slice(CODED - 4));
    });
    afterAll(async () => audited?.dispose());

    it("finds no join that ties a response to the code it used", async () => {
      const system =
        kind === "postgres" ? "xmin::text as _xmin, ctid::text as _pos" : "rowid as _pos, rowid as _rowid";
      const responses = await audited.rows(`select ${system}, * from responses`);
      const choices = await audited.rows(`select ${system}, * from answer_choices`);
      const codes = await audited.rows(`select ${system}, * from invitation_codes`);
      const batches = await audited.rows(`select ${system}, * from invitation_batches`);
      expect(responses).toHaveLength(CODED + UNCODED);
      expect(codes.filter((c) => c.used !== null)).toHaveLength(CODED);

      // Every column of a response, its answer rows' columns, and its rank in the table's order.
      const responseAttrs = new Map<string, Attributes>();
      for (const [rank, r] of [...responses].sort(byPosition).entries()) {
        const attrs: Attributes = new Map();
        for (const [k, v] of Object.entries(r)) add(attrs, `responses.${k}`, v);
        add(attrs, "responses.<row order>", rank);
        responseAttrs.set(String(r.id), attrs);
      }
      for (const c of choices) {
        const attrs = responseAttrs.get(String(c.response_id)) as Attributes;
        for (const [k, v] of Object.entries(c)) add(attrs, `answer_choices.${k}`, v);
      }
      // Every column of a code, of its batch, and its rank among the used codes in the table's order.
      const batchById = new Map(batches.map((b) => [String(b.id), b]));
      const codeAttrs = new Map<string, Attributes>();
      const usedInOrder = codes.filter((c) => c.used !== null).sort(byPosition);
      for (const c of codes) {
        const attrs: Attributes = new Map();
        for (const [k, v] of Object.entries(c)) add(attrs, `invitation_codes.${k}`, v);
        for (const [k, v] of Object.entries(batchById.get(String(c.batch_id)) ?? {}))
          add(attrs, `invitation_batches.${k}`, v);
        add(attrs, "invitation_codes.<row order>", usedInOrder.indexOf(c));
        codeAttrs.set(String(c.code), attrs);
      }

      const responseColumns = new Set([...responseAttrs.values()].flatMap((a) => [...a.keys()]));
      const codeColumns = new Set([...codeAttrs.values()].flatMap((a) => [...a.keys()]));
      const leaks: string[] = [];
      let joinsTried = 0;
      for (const rc of responseColumns)
        for (const cc of codeColumns) {
          joinsTried++;
          // The join names, for each coded response, the codes it matches; it tells something only
          // where it narrows them to fewer than all the used codes and hits the right one.
          let found = 0;
          for (const [id, code] of truth) {
            const left = responseAttrs.get(id)?.get(rc) ?? new Set<string>();
            const matched = [...codeAttrs].filter(([, a]) => [...(a.get(cc) ?? [])].some((v) => left.has(v)));
            if (matched.length < CODED && matched.some(([c]) => c === code)) found++;
          }
          // A coincidence of small numbers (a rowid equal to a rank) hits one or two by chance.
          if (found > Math.max(2, CODED / 5)) leaks.push(`${rc} = ${cc}: ${found} of ${CODED}`);
        }
      expect(joinsTried).toBeGreaterThan(100);
      expect(leaks).toEqual([]);
    });

    it("keeps the code out of every table but the codes' own, and out of the content hash", async () => {
      const dump = await audited.dump();
      const outside = Object.entries(dump)
        .filter(([table]) => table !== "invitation_codes")
        .flatMap(([table, rows]) => rows.map((row) => `${table}: ${JSON.stringify(row)}`));
      for (const code of truth.values()) expect(outside.filter((line) => line.includes(code))).toEqual([]);
      // The stored hash is the hash of the response without its code: a resend without one is a duplicate.
      const [id] = truth.keys();
      const stored = await audited.rows(`select content_hash from responses where id = '${id}'`);
      expect(stored[0]?.content_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("keeps no time on a code row, and none finer than a day anywhere for codes", async () => {
      const [code] = await audited.rows("select * from invitation_codes");
      expect(Object.keys(code ?? {}).sort()).toEqual([
        "batch_id",
        "code",
        "stratum",
        "survey_id",
        "used",
        "wave",
      ]);
    });
  });
});
