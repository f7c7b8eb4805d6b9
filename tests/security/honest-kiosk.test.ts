import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { DEFAULT_RATE_LIMIT } from "../../src/server/http/rate-limit";
import { createSyncEngine, setDeviceToken, setEndpoint } from "../../src/sync";
import type { Timers } from "../../src/sync/runner";
import { freshOutbox, tickingClock } from "../outbox/fixtures";
import { enrolKiosk, fixtureSurveys, makeResponse, STORAGE_VARIANTS, TOKEN } from "../server/support";

// The rate limiter must stop a flood without stopping an honest kiosk: the real sync engine drains
// a backlog larger than the default burst through the rate-limited collector, waiting exactly as
// long as each Retry-After says (on a hand-driven clock, never the wall clock), and everything lands.
// The burst is cut to 10 here to keep the backlog small enough for fake-indexeddb; the refill rate is
// the default, and rate-limit.test.ts checks that the default burst carries 120 batches outright.
const BURST = 10;

describe("an honest kiosk's sync under the default rate limit", () => {
  const disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const d of disposers.splice(0)) await d();
  });

  it("drains a backlog of 25 batches of 100, honouring every 429's Retry-After", async () => {
    const sqlite = STORAGE_VARIANTS.find((v) => v.name === "sqlite");
    if (!sqlite) throw new Error("no sqlite variant");
    const opened = await sqlite.open();
    disposers.push(opened.dispose);
    await opened.storage.migrate();
    let clockMs = 0;
    const app = createApp({
      storage: opened.storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      rateLimit: { burst: BURST, perSecond: DEFAULT_RATE_LIMIT.perSecond, now: () => clockMs },
      clientAddress: () => "192.0.2.10",
    });
    const statuses: number[] = [];
    const retryAfters: number[] = [];
    const fetchThroughApp: typeof fetch = async (input, init) => {
      const res = await app.request(String(input).replace("https://collector.example", ""), init);
      statuses.push(res.status);
      if (res.status === 429) retryAfters.push(Number(res.headers.get("Retry-After")));
      return res;
    };

    const backlog = 25 * 100;
    const { outbox } = await freshOutbox({ now: tickingClock() });
    await setEndpoint(outbox, "https://collector.example/api/v1");
    // A kiosk sends with its tablet's token, so its responses count against the device, not the
    // office's address (whose limit is a household's: responses/intake.ts).
    const { token } = await enrolKiosk(opened.storage, { eventId: "fair", deviceId: "tab-1" });
    await setDeviceToken(outbox, token);
    const ids: string[] = [];
    for (let i = 0; i < backlog; i++) {
      const response = makeResponse({ mode: "kiosk", eventId: "fair", deviceId: "tab-1" });
      ids.push(response.id);
      await outbox.enqueue(response);
    }

    let next: { run: () => Promise<void>; delayMs: number } | undefined;
    const timers: Timers = {
      set: (run, delayMs) => (next = { run, delayMs }),
      clear: (handle) => {
        if (next === handle) next = undefined;
      },
    };
    const engine = createSyncEngine({
      outbox,
      fetch: fetchThroughApp,
      random: () => 0.5,
      now: () => clockMs,
      locks: null,
      timers,
      attach: () => () => {},
      onRetryLater: () => {},
    });
    // start() runs a first pass at once; wait for it to settle before driving the clock.
    await new Promise<void>((resolve) => {
      const off = engine.subscribe((status) => {
        if (status.phase === "syncing") return;
        off();
        resolve();
      });
      engine.start();
    });
    const waits: number[] = [];
    while ((await outbox.counts()).pending > 0) {
      const due = next;
      if (!due) throw new Error("the engine scheduled no retry with work left");
      waits.push(due.delayMs);
      clockMs += due.delayMs; // the kiosk waits; the collector's buckets see the time pass
      next = undefined;
      await due.run();
    }

    const refused = statuses.filter((s) => s === 429).length;
    expect(refused).toBeGreaterThan(0); // the backlog was larger than the burst: the limit did act
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // Every 429 told the kiosk when to come back, and the engine waited exactly that long.
    expect(waits.slice(0, refused)).toEqual(retryAfters.map((s) => s * 1000));
    expect(statuses.filter((s) => s === 200)).toHaveLength(backlog / 100);
    expect((await outbox.counts()).pending).toBe(0);
    let stored = 0;
    for (let i = 0; i < ids.length; i += 1000)
      stored += (await opened.storage.storedIds(ids.slice(i, i + 1000))).length;
    expect(stored).toBe(backlog);
    // And every one of them counts: none held as a burst.
    const counted = await opened.storage.countOptions({
      surveyId: "ward-test",
      wave: null,
      questionIds: ["q_prepared"],
    });
    expect(counted.get("q_prepared")?.no).toBe(backlog);
  }, 120_000);
});
