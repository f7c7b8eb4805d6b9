import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import type { Kysely } from "kysely";
import type { Response } from "../../src/domain/response";
import { type OutboxCounts, openOutbox } from "../../src/outbox";
import { createApp } from "../../src/server/app";
import type { Database, Storage } from "../../src/server/storage";
import type { SurveyRegistry } from "../../src/server/surveys";
import { setDeviceToken, setEndpoint, syncOnce } from "../../src/sync";
import { enrolKiosk } from "../fixtures/kiosk-enrolment";
import { seededRandom } from "../fixtures/seeded-random";
import { WARD_KIOSK, wardResponse } from "../fixtures/ward-responses";
import { type Audit, auditDatabase } from "./audit";

export const FAULT_KINDS = [
  "server-error",
  "retry-after",
  "network-before",
  "lost-after",
  "too-large",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface ChaosOptions {
  count: number;
  /** Share of requests that meet a fault, 0–1. */
  faultRate: number;
  seed: number;
  storage: Storage;
  db: Kysely<Database>;
  surveys: SurveyRegistry;
  /** Check "nothing marked sent before it is stored" after every this-many passes (default 1). */
  checkEvery?: number;
  /** Items a request; the engine's default (BATCH_MAX_ITEMS) when unset. */
  maxItems?: number;
}

export interface ChaosFigures {
  storage: Storage["kind"];
  seed: number;
  responses: number;
  requests: number;
  faults: Record<FaultKind, number>;
  /** syncOnce passes until the outbox was drained. */
  passes: number;
  /** Passes that ended on a 429/503 whose Retry-After the engine read. */
  retryAfterSeen: number;
  outbox: OutboxCounts;
  audit: Audit;
  /** Wall-clock, for the report only: never asserted. */
  ms: { enqueue: number; sync: number };
  /** Checked after every pass: a record marked sent whose id the database did not hold. */
  sentBeforeStored: number;
}

const ENDPOINT = "http://collector.chaos/api/v1";

/**
 * Queues `count` responses offline in a fresh outbox (fake-indexeddb), then drains it with the real
 * sync engine into the real collector app (createApp over `storage`) through a fetch that fails
 * `faultRate` of its requests in one of the FAULT_KINDS. Measures; the caller asserts.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const random = seededRandom(options.seed);
  let tick = 1_000;
  const outbox = await openOutbox({ idbFactory: new IDBFactory(), now: () => tick++ });
  try {
    await setEndpoint(outbox, ENDPOINT);
    const { token } = await enrolKiosk(options.storage, { ...WARD_KIOSK, surveyId: "ward-resident" });
    await setDeviceToken(outbox, token);
    const sent = new Map<string, Response>();
    const enqueueStart = performance.now();
    for (let n = 0; n < options.count; n++) {
      const response = wardResponse(random, n);
      await outbox.enqueue(response);
      sent.set(response.id, response);
    }
    const enqueueMs = performance.now() - enqueueStart;

    const app = createApp({
      storage: options.storage,
      surveys: options.surveys,
      organizerToken: "chaos-organizer-token",
      log: () => {},
    });
    const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
    let requests = 0;
    const fetch: typeof globalThis.fetch = async (input, init = {}) => {
      requests++;
      const kind = random() < options.faultRate ? faultFor(random, String(init.body)) : undefined;
      if (kind) faults[kind]++;
      return await inject(kind, random, () => app.request(String(input), init));
    };

    const syncStart = performance.now();
    let passes = 0;
    let retryAfterSeen = 0;
    let sentBeforeStored = 0;
    // Each pass stops at its first failed request; the engine's timer would start the next one.
    const maxPasses = 50 + Math.ceil(options.count / 10);
    while ((await outbox.counts()).pending > 0) {
      if (++passes > maxPasses) throw new Error(`not drained after ${maxPasses} passes`);
      const outcome = await syncOnce(outbox, {
        fetch,
        locks: null,
        ...(options.maxItems !== undefined && { maxItems: options.maxItems }),
      });
      if (outcome.kind === "unauthorized" || outcome.kind === "busy")
        throw new Error(`unexpected pass outcome ${outcome.kind}`);
      if (outcome.kind === "error" && outcome.retryAfterMs !== undefined) retryAfterSeen++;
      if (passes % (options.checkEvery ?? 1) === 0)
        sentBeforeStored += await sentButNotStored(outbox, options.db);
    }
    const syncMs = performance.now() - syncStart;

    return {
      storage: options.storage.kind,
      seed: options.seed,
      responses: options.count,
      requests,
      faults,
      passes,
      retryAfterSeen,
      outbox: await outbox.counts(),
      audit: await auditDatabase(options.db, sent, sent.keys()),
      ms: { enqueue: Math.round(enqueueMs), sync: Math.round(syncMs) },
      sentBeforeStored,
    };
  } finally {
    outbox.close();
  }
}

/** A fault that can happen to this request: a 413 only for a batch of more than one response. */
function faultFor(random: () => number, body: string): FaultKind {
  const items = (JSON.parse(body) as { responses: unknown[] }).responses.length;
  const kinds = items > 1 ? FAULT_KINDS : FAULT_KINDS.filter((k) => k !== "too-large");
  return kinds[Math.floor(random() * kinds.length)] as FaultKind;
}

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new globalThis.Response(JSON.stringify({ error: { code, message: `injected ${status}` } }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });

async function inject(
  kind: FaultKind | undefined,
  random: () => number,
  collector: () => Promise<globalThis.Response> | globalThis.Response,
): Promise<globalThis.Response> {
  switch (kind) {
    case "server-error":
      return problem([500, 502, 504][Math.floor(random() * 3)] as number, "internal");
    case "retry-after":
      return random() < 0.5
        ? problem(429, "rate_limited", { "Retry-After": "2" })
        : problem(503, "unavailable", { "Retry-After": new Date(Date.now() + 3_000).toUTCString() });
    case "network-before":
      throw new TypeError("Failed to fetch");
    case "lost-after": {
      // The collector stores and commits; the answer never reaches the device.
      const answer = await collector();
      await answer.arrayBuffer();
      throw new TypeError("network error: the connection was lost");
    }
    case "too-large":
      return problem(413, "body_too_large");
    default:
      return await collector();
  }
}

/** Records the outbox calls sent whose ids the database does not hold (must always be 0). */
async function sentButNotStored(
  outbox: Awaited<ReturnType<typeof openOutbox>>,
  db: Kysely<Database>,
): Promise<number> {
  const sentIds = (await outbox.list({ state: "sent" })).map((r) => r.id);
  const stored = new Set((await db.selectFrom("responses").select("id").execute()).map((r) => r.id));
  return sentIds.filter((id) => !stored.has(id)).length;
}
