import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { type Outbox, openOutbox } from "../../src/outbox";
import {
  BACKOFF_CAP_VISIBLE_MS,
  backgroundSyncPass,
  createSyncEngine,
  NOT_BEFORE_KEY,
  NOT_BEFORE_MAX_MS,
  SyncDeferredError,
  type SyncEngineOptions,
  setEndpoint,
} from "../../src/sync";
import { makeResponse, tickingClock } from "../outbox/fixtures";
import { type Fault, fakeCollector } from "./fake-collector";
import { manualTimers, startSettled, type TestClock, testClock } from "./manual-timers";

const ENDPOINT = "https://collector.example/api/v1";

/**
 * One device: a collector, a clock, and the same IndexedDB database opened by as many runners as a
 * test asks for (a tab's engine, another tab's, the service worker), each through its own handle.
 */
async function device(faults: Fault[]) {
  const idbFactory = new IDBFactory();
  const open = () => openOutbox({ idbFactory, name: "shared", now: tickingClock() });
  const first = await open();
  await setEndpoint(first, ENDPOINT);
  await first.enqueue(makeResponse(1));
  const collector = fakeCollector(() => faults.shift() ?? "ok");
  const clock = testClock();
  return { open, first, collector, clock };
}

function engineOn(
  outbox: Outbox,
  fetch: typeof globalThis.fetch,
  clock: TestClock,
  extra: Partial<SyncEngineOptions> = {},
) {
  const timers = manualTimers(clock);
  const engine = createSyncEngine({
    outbox,
    fetch,
    random: () => 0.5,
    now: clock.now,
    locks: null,
    timers: timers.timers,
    attach: () => () => {},
    onRetryLater: () => {},
    ...extra,
  });
  return { engine, timers };
}

describe("the not-before time shared by every runner of a device", () => {
  it("holds another tab's engine until the Retry-After one tab was given", async () => {
    const { open, first, collector, clock } = await device(["rate-limited"]); // 429, Retry-After: 7
    const tabA = engineOn(first, collector.fetch, clock);
    await startSettled(tabA.engine);
    expect(collector.requests).toHaveLength(1);

    const tabB = engineOn(await open(), collector.fetch, clock);
    await startSettled(tabB.engine);
    expect(collector.requests).toHaveLength(1);
    expect(tabB.engine.getStatus()).toMatchObject({
      counts: { pending: 1 },
      nextAttemptAt: 1_000_000 + 7_000,
    });
    expect(tabB.timers.delay()).toBe(7_000);

    await tabB.timers.fire(); // 7 s later
    expect(collector.requests).toHaveLength(2);
    expect(tabB.engine.getStatus().counts).toMatchObject({ pending: 0, sent: 1 });
    // The collector took it: no runner waits any more.
    expect(await first.getSetting(NOT_BEFORE_KEY)).toBeUndefined();
  });

  it("is set by the backoff after a 5xx without Retry-After, and not by a network failure", async () => {
    const { open, first, collector, clock } = await device(["network-before", "server-error"]);
    await startSettled(engineOn(first, collector.fetch, clock).engine);
    // No answer at all says nothing of the collector's load: the other tab tries at once.
    expect(await first.getSetting(NOT_BEFORE_KEY)).toBeUndefined();
    await startSettled(engineOn(await open(), collector.fetch, clock).engine);
    expect(collector.requests).toHaveLength(2);
    // That one got a 503: the third runner waits for the second's first backoff, 0.5 × 2 s.
    const tabC = engineOn(await open(), collector.fetch, clock);
    await startSettled(tabC.engine);
    expect(collector.requests).toHaveLength(2);
    expect(tabC.timers.delay()).toBe(1_000);
  });

  it("holds a visible page at most its backoff cap (a minute), whatever a hidden tab waits", async () => {
    const { open, first, collector, clock } = await device(Array(9).fill("server-error"));
    const hidden = engineOn(first, collector.fetch, clock, { isVisible: () => false, random: () => 0.999 });
    await startSettled(hidden.engine);
    for (let i = 0; i < 8; i++) await hidden.timers.fire();
    expect(hidden.timers.delay()).toBeGreaterThan(BACKOFF_CAP_VISIBLE_MS); // its own wait, 0.999 × 300 s
    const visible = engineOn(await open(), collector.fetch, clock);
    await startSettled(visible.engine);
    expect(collector.requests).toHaveLength(9);
    expect(visible.timers.delay()).toBe(BACKOFF_CAP_VISIBLE_MS);
  });

  it("makes a Background Sync event before it send nothing and reject, so the browser fires it again", async () => {
    const { open, first, collector, clock } = await device(["rate-limited"]);
    await startSettled(engineOn(first, collector.fetch, clock).engine);
    const worker = await open();
    const pass = () => backgroundSyncPass(worker, { fetch: collector.fetch, locks: null, now: clock.now });

    clock.advance(6_999);
    await expect(pass()).rejects.toBeInstanceOf(SyncDeferredError);
    expect(collector.requests).toHaveLength(1);
    expect(await worker.counts()).toMatchObject({ pending: 1, sent: 0 });

    clock.advance(1);
    await pass();
    expect(collector.requests).toHaveLength(2);
    expect(await worker.counts()).toMatchObject({ pending: 0, sent: 1 });
  });

  it("is set by a Background Sync that was told to wait, and holds the tabs", async () => {
    const { open, first, collector, clock } = await device(["rate-limited"]);
    const worker = await open();
    await expect(
      backgroundSyncPass(worker, { fetch: collector.fetch, locks: null, now: clock.now }),
    ).rejects.toThrow("HTTP 429");
    const tab = engineOn(first, collector.fetch, clock);
    await startSettled(tab.engine);
    expect(collector.requests).toHaveLength(1);
    expect(tab.timers.delay()).toBe(7_000);
  });

  it("does not hold 'send now', whose success frees the other runners", async () => {
    const { open, first, collector, clock } = await device(["rate-limited"]);
    await startSettled(engineOn(first, collector.fetch, clock).engine);
    const tabB = engineOn(await open(), collector.fetch, clock);
    await startSettled(tabB.engine);
    expect(collector.requests).toHaveLength(1);
    await tabB.engine.syncNow();
    expect(collector.requests).toHaveLength(2);
    await first.enqueue(makeResponse(2));
    await backgroundSyncPass(await open(), { fetch: collector.fetch, locks: null, now: clock.now });
    expect(collector.requests).toHaveLength(3);
  });

  it("is ignored when further ahead than any wait a runner writes (the clock was set back)", async () => {
    const { open, first, collector, clock } = await device([]);
    await first.setSetting(NOT_BEFORE_KEY, clock.now() + NOT_BEFORE_MAX_MS);
    await startSettled(engineOn(first, collector.fetch, clock).engine);
    expect(collector.requests).toHaveLength(0);
    await first.setSetting(NOT_BEFORE_KEY, clock.now() + NOT_BEFORE_MAX_MS + 1);
    await startSettled(engineOn(await open(), collector.fetch, clock).engine);
    expect(collector.requests).toHaveLength(1);
  });

  it("is dropped when staff point the device at another endpoint", async () => {
    const { first, clock } = await device([]);
    await first.setSetting(NOT_BEFORE_KEY, clock.now() + 60_000);
    await setEndpoint(first, "https://other.example/api/v1");
    expect(await first.getSetting(NOT_BEFORE_KEY)).toBeUndefined();
  });
});
