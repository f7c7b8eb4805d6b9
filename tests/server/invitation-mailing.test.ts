import type { Hono } from "hono";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ResponseRate } from "../../src/contract/invitation-batches";
import { ResponsesResult } from "../../src/contract/responses";
import { Tallies } from "../../src/contract/tallies";
import type { Response } from "../../src/domain/response";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

// Issue 21's simulated mailing: 1,400 letters in four areas, about 30% answered online, some on a
// phone that was offline for days and sent later in one batch; the response rate and the tallies
// must be what was sent, to the letter.
const STRATA = [
  { stratum: "north", mailed: 350, answered: 95 },
  { stratum: "south", mailed: 350, answered: 120 },
  { stratum: "east", mailed: 350, answered: 100 },
  { stratum: "west", mailed: 350, answered: 105 },
];
const MAILED = STRATA.reduce((sum, s) => sum + s.mailed, 0);
const ANSWERED = STRATA.reduce((sum, s) => sum + s.answered, 0);

/** A seeded generator (mulberry32), so the mailing is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachStorage("a simulated mailing of 1,400 letters", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  const truth = { yes: 0, no: 0, dk: 0 };

  const send = async (responses: Response[]) => {
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    const { results } = ResponsesResult.parse(await res.json());
    expect(results.filter((r) => r.status !== "accepted")).toEqual([]);
  };
  const get = async (path: string) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer });
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    ({ app, dispose } = await openApp(variant));
    const next = random(21);
    const online: Response[] = [];
    for (const s of STRATA) {
      const made = await app.request(
        `/api/v1/surveys/${SURVEY}/invitations`,
        postJson({ wave: 2025, count: s.mailed, stratum: s.stratum }, organizer),
      );
      const { batchId } = (await made.json()) as { batchId: string };
      const csv = await (await get(`invitations/${batchId}.csv`)).text();
      const codes = csv
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0] as string);
      for (const code of codes.slice(0, s.answered)) {
        const answer = (["yes", "yes", "no", "dk"] as const)[Math.floor(next() * 4)] ?? "yes";
        truth[answer]++;
        const day = 1 + Math.floor(next() * 28);
        online.push(
          makeResponse({
            invitation: code,
            submittedAt: `2025-06-${String(day).padStart(2, "0")}T01:00:00.000Z`,
            answers: { q_prepared: answer, q_area: "north" },
          }),
        );
      }
    }
    // In the order residents answered; every tenth answer waited offline and goes in the last batch.
    const order = online.map((r) => ({ r, key: next() })).sort((a, b) => a.key - b.key);
    const offline = order.filter((_, i) => i % 10 === 0).map((o) => o.r);
    const live = order.filter((_, i) => i % 10 !== 0).map((o) => o.r);
    for (let i = 0; i < live.length; i += 25) await send(live.slice(i, i + 25));
    await send(offline);
    // A phone that sends its offline batch again after a lost acknowledgement changes nothing.
    const res = await app.request("/api/v1/responses", postJson({ responses: offline.slice(0, 5) }));
    expect(ResponsesResult.parse(await res.json()).results.map((r) => r.status)).toEqual(
      Array(5).fill("duplicate"),
    );
  }, 120_000);
  afterAll(async () => dispose());

  it("gives the response rate of the wave and of each area as mailed and answered", async () => {
    const rate = ResponseRate.parse(await (await get("response-rate?wave=2025")).json());
    expect(rate).toMatchObject({ mailed: MAILED, online: ANSWERED, paper: 0, byChannel: { self: ANSWERED } });
    expect(rate.rate).toBe(Math.round((ANSWERED / MAILED) * 1000) / 10);
    expect(rate.byStratum).toEqual(
      [...STRATA]
        .sort((a, b) => a.stratum.localeCompare(b.stratum))
        .map((s) => ({
          stratum: s.stratum,
          mailed: s.mailed,
          online: s.answered,
          paper: 0,
          rate: Math.round((s.answered / s.mailed) * 1000) / 10,
        })),
    );
  });

  it("tallies exactly the answers sent, and writes the rate in tallies.csv and the policy table", async () => {
    const tallies = Tallies.parse(await (await get("tallies?wave=2025")).json());
    expect(tallies.indicators[0]).toMatchObject({ n: truth.yes + truth.no, positive: truth.yes });
    const csv = await (await get("tallies.csv?wave=2025")).text();
    const percent = Math.round((ANSWERED / MAILED) * 1000) / 10;
    expect(csv).toContain(`\r\nresponse_rate,回収率,2025,,,,${MAILED},${ANSWERED},${percent},`);
    expect(csv).toContain(`\r\nresponse_rate,回収率,2025,stratum,south,,350,120,34.3,`);
    const widths = new Set(
      csv
        .trim()
        .split("\r\n")
        .map((line) => line.split(",").length),
    );
    expect(widths.size).toBe(1);
    const policy = await (await get("policy.csv?wave=2025")).text();
    expect(policy).toContain(
      `回収率 ${percent.toFixed(1)}%（発送 1,400通、回答 ${ANSWERED}件：オンライン ${ANSWERED}件、紙 0件）`,
    );
  });
});
