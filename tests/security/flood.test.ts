import type { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { freshPgSchema } from "../../harness/pg-schema";
import { ResponsesResult } from "../../src/contract/responses";
import { Tallies } from "../../src/contract/tallies";
import type { Response } from "../../src/domain/response";
import { createApp } from "../../src/server/app";
import { DEFAULT_RATE_LIMIT } from "../../src/server/http/rate-limit";
import { createKyselyStorage, openPostgres, type Storage } from "../../src/server/storage";
import {
  enrolKiosk,
  fixtureSurveys,
  makeResponse,
  organizer,
  postJson,
  STORAGE_VARIANTS,
  SURVEY,
  TOKEN,
} from "../server/support";

// Issue 24's flood: one address sends 20,000 fake responses in 30 s while residents answer from
// their own addresses and an honest kiosk drains a 12,000-response backlog. The indicator must not
// move, and every honest answer must be counted. Default limits, default request rate limit, the
// clock moved by hand (never the wall clock). On PostgreSQL the requests alternate between two
// collectors (two apps, two connection pools) on one schema: the limits live in the database.

const FLOOD = 20_000;
const FLOOD_SECONDS = 30;
const BACKLOG = 12_000;
const START = Date.parse("2025-06-10T03:00:00.000Z");

interface Figures {
  sent: number;
  counted: number;
  held: number;
  refused: number;
}

async function runFlood(collectors: readonly { app: Hono; storage: Storage }[]) {
  let clockMs = START;
  let address = "";
  const apps = collectors.map(({ storage }) =>
    createApp({
      storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      now: () => new Date(clockMs),
      rateLimit: { ...DEFAULT_RATE_LIMIT, now: () => clockMs },
      clientAddress: () => address,
    }),
  );
  let turn = 0;
  const post = async (from: string, responses: readonly Response[], headers: Record<string, string> = {}) => {
    address = from;
    const app = apps[turn++ % apps.length] as Hono;
    const res = await app.request("/api/v1/responses", postJson({ responses }, headers));
    return {
      status: res.status,
      retryAfter: Number(res.headers.get("Retry-After") ?? 0),
      body: await res.text(),
    };
  };
  const storage = (collectors[0] as { storage: Storage }).storage;
  const prepared = async () => {
    const res = await (apps[0] as Hono).request(`/api/v1/surveys/${SURVEY}/tallies?wave=2025`, {
      headers: organizer,
    });
    const indicator = Tallies.parse(await res.json()).indicators.find((i) => i.id === "prepared");
    return { n: indicator?.n ?? 0, positive: indicator?.positive ?? 0 };
  };

  // 60 residents, each from an address of their own: 24 prepared.
  for (let i = 0; i < 60; i++) {
    const r = await post(`198.51.100.${i}`, [
      makeResponse({ answers: { q_prepared: i < 24 ? "yes" : "no" } }),
    ]);
    expect(r.status).toBe(200);
  }
  const before = await prepared();
  expect(before).toEqual({ n: 60, positive: 24 });

  // The flood and the kiosk's backlog interleaved over 30 s; a second resident mid-flood.
  const { auth } = await enrolKiosk(storage, { eventId: "fair", deviceId: "tab-1" });
  const flood: Figures = { sent: 0, counted: 0, held: 0, refused: 0 };
  const floodIds: string[] = [];
  const kioskIds: string[] = [];
  const floodBatches = FLOOD / 500;
  const kioskBatches = BACKLOG / 100;
  let kioskSent = 0;
  for (let step = 0; step < Math.max(floodBatches, kioskBatches); step++) {
    clockMs = START + Math.floor((step * FLOOD_SECONDS * 1000) / Math.max(floodBatches, kioskBatches));
    if (step < floodBatches) {
      const batch = Array.from({ length: 500 }, () => makeResponse({ answers: { q_prepared: "yes" } }));
      const r = await post("203.0.113.66", batch);
      flood.sent += batch.length;
      if (r.status === 200) {
        expect(ResponsesResult.parse(JSON.parse(r.body)).results.every((x) => x.status === "accepted")).toBe(
          true,
        );
        floodIds.push(...batch.map((x) => x.id));
      } else {
        expect(r.status).toBe(429);
        expect(r.retryAfter).toBeGreaterThan(0);
        flood.refused += batch.length;
      }
    }
    if (step < kioskBatches) {
      const batch = Array.from({ length: 100 }, () =>
        makeResponse({ mode: "kiosk", eventId: "fair", deviceId: "tab-1", answers: { q_prepared: "no" } }),
      );
      // An honest kiosk waits as told; the office's address is not the flood's.
      for (;;) {
        const r = await post("192.0.2.10", batch, auth);
        if (r.status === 200) break;
        expect(r.status).toBe(429);
        clockMs += r.retryAfter * 1000;
      }
      kioskSent += batch.length;
      kioskIds.push(...batch.map((x) => x.id));
    }
    if (step === 10)
      expect((await post("198.51.100.200", [makeResponse({ answers: { q_prepared: "yes" } })])).status).toBe(
        200,
      );
  }

  const after = await prepared();
  const counted = new Set<string>();
  for (let afterId: string | null = null; ; ) {
    const page = await storage.responsesPage({ surveyId: SURVEY, wave: null, afterId, limit: 5_000 });
    if (page.length === 0) break;
    for (const r of page) counted.add(r.id);
    afterId = (page[page.length - 1] as { id: string }).id;
  }
  flood.counted = floodIds.filter((id) => counted.has(id)).length;
  flood.held = floodIds.length - flood.counted;
  const kioskCounted = kioskIds.filter((id) => counted.has(id)).length;
  return { before, after, flood, kioskSent, kioskCounted };
}

describe.each(STORAGE_VARIANTS)("a flood from one address, on $name", (variant) => {
  const disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const d of disposers.splice(0).reverse()) await d();
  });

  it.skipIf(variant.unavailable !== undefined)(
    "moves no indicator; an honest kiosk's backlog and other addresses are all counted",
    async () => {
      let collectors: { app: Hono; storage: Storage }[];
      if (variant.name === "sqlite") {
        const opened = await variant.open();
        disposers.push(opened.dispose);
        await opened.storage.migrate();
        collectors = [{ app: undefined as unknown as Hono, storage: opened.storage }];
      } else {
        const schema = await freshPgSchema(process.env.DATABASE_URL as string, "flood");
        disposers.push(schema.drop);
        collectors = [];
        for (let i = 0; i < 2; i++) {
          const storage = createKyselyStorage(
            openPostgres(process.env.DATABASE_URL as string, { searchPath: schema.schema, max: 4 }),
            "postgres",
          );
          disposers.push(() => storage.close());
          await storage.migrate();
          collectors.push({ app: undefined as unknown as Hono, storage });
        }
      }
      const { before, after, flood, kioskSent, kioskCounted } = await runFlood(collectors);
      console.log(
        `flood on ${variant.name}${collectors.length > 1 ? ` (${collectors.length} collectors)` : ""}: ` +
          `sent ${flood.sent}, counted ${flood.counted}, held ${flood.held}, refused ${flood.refused}; ` +
          `kiosk ${kioskCounted}/${kioskSent} counted; prepared ${before.positive}/${before.n} → ${after.positive}/${after.n}`,
      );
      expect(flood.sent).toBe(FLOOD);
      expect(flood.counted).toBe(0);
      expect(flood.held + flood.refused).toBe(FLOOD);
      expect(flood.held).toBeGreaterThan(0); // stored for an analyst to look at, not dropped
      expect(kioskCounted).toBe(BACKLOG);
      // The flood moved nothing: the prepared share is the residents' 25 of 61 and the kiosk's 0 of 12,000.
      expect(after).toEqual({ n: 61 + BACKLOG, positive: 25 });
    },
    180_000,
  );
});
