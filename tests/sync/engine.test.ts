import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BACKOFF_CAP_HIDDEN_MS,
  createSyncEngine,
  IDLE_INTERVAL_MS,
  NOT_BEFORE_KEY,
  type SyncEngineOptions,
  type SyncStatus,
  setDeviceToken,
  setEndpoint,
} from "../../src/sync";
import { freshOutbox, makeResponse, tickingClock } from "../outbox/fixtures";
import { type Fault, fakeCollector } from "./fake-collector";
import { manualTimers, startSettled } from "./manual-timers";

async function setup(faultList: Fault[] = [], extra: Partial<SyncEngineOptions> = {}) {
  const { outbox } = await freshOutbox({ now: tickingClock() });
  await setEndpoint(outbox, "https://collector.example/api/v1");
  const collector = fakeCollector(() => faultList.shift() ?? "ok");
  const clock = manualTimers();
  let trigger: (() => void) | undefined;
  const retryLater = vi.fn();
  const engine = createSyncEngine({
    outbox,
    fetch: collector.fetch,
    random: () => 0.5,
    now: clock.now,
    locks: null,
    timers: clock.timers,
    attach: (run) => {
      trigger = run;
      return () => {
        trigger = undefined;
      };
    },
    onRetryLater: retryLater,
    ...extra,
  });
  const seen: SyncStatus[] = [];
  engine.subscribe((s) => seen.push(s));
  return { outbox, collector, clock, engine, seen, retryLater, trigger: () => trigger };
}

afterEach(() => vi.unstubAllGlobals());

describe("the sync engine", () => {
  it("starts with a run, then looks again on an idle timer", async () => {
    const { outbox, engine, clock, seen, collector } = await setup();
    await outbox.enqueue(makeResponse(1));
    expect(engine.getStatus()).toEqual({
      phase: "idle",
      counts: { pending: 0, sent: 0, rejected: 0, conflict: 0 },
    });
    await startSettled(engine);
    expect(seen[0]?.phase).toBe("syncing");
    expect(engine.getStatus()).toEqual({
      phase: "idle",
      counts: { pending: 0, sent: 1, rejected: 0, conflict: 0 },
      lastSyncAt: 1_000_000,
      nextAttemptAt: 1_000_000 + IDLE_INTERVAL_MS,
    });
    expect(clock.delay()).toBe(IDLE_INTERVAL_MS);
    await outbox.enqueue(makeResponse(2));
    await clock.fire();
    expect(collector.requests.map((r) => r.ids.length)).toEqual([1, 1]);
    expect(engine.getStatus().counts.sent).toBe(2);
  });

  it("without start(), runs only when asked and sets no timer", async () => {
    const { outbox, engine, clock } = await setup();
    await outbox.enqueue(makeResponse(1));
    await engine.syncNow();
    expect(engine.getStatus().counts.sent).toBe(1);
    expect(engine.getStatus().nextAttemptAt).toBeUndefined();
    expect(clock.delay()).toBeUndefined();
  });

  it("backs off exponentially with jitter while failing, and resets on success", async () => {
    const { outbox, engine, clock, retryLater } = await setup([
      "network-before",
      "server-error",
      "network-before",
      "ok",
      "network-before",
    ]);
    await outbox.enqueue(makeResponse(1));
    await startSettled(engine);
    expect(engine.getStatus()).toMatchObject({ phase: "offline", lastError: "TypeError: Failed to fetch" });
    expect(engine.getStatus().nextAttemptAt).toBe(1_000_000 + 1_000);
    expect(clock.delay()).toBe(1_000); // 0.5 × 2 s
    await clock.fire();
    expect(engine.getStatus()).toMatchObject({ phase: "error", lastError: "HTTP 503: down" });
    expect(clock.delay()).toBe(2_000);
    await clock.fire();
    expect(clock.delay()).toBe(4_000);
    expect(retryLater).toHaveBeenCalledTimes(3);
    await clock.fire();
    expect(engine.getStatus()).toMatchObject({ phase: "idle", counts: { pending: 0, sent: 1 } });
    expect(engine.getStatus().lastError).toBeUndefined();
    await outbox.enqueue(makeResponse(2));
    await clock.fire();
    expect(clock.delay()).toBe(1_000);
  });

  it("honours Retry-After", async () => {
    const { outbox, engine, clock } = await setup(["rate-limited"]);
    await outbox.enqueue(makeResponse(1));
    await startSettled(engine);
    expect(engine.getStatus().phase).toBe("error");
    expect(clock.delay()).toBe(7_000);
  });

  it("keeps to the device's wait on start, and not when a press of Send now is what starts it", async () => {
    const kept = await setup();
    await kept.outbox.enqueue(makeResponse(1));
    await kept.outbox.setSetting(NOT_BEFORE_KEY, kept.clock.now() + 60_000);
    await startSettled(kept.engine);
    expect(kept.collector.requests).toHaveLength(0);

    const pressed = await setup();
    await pressed.outbox.enqueue(makeResponse(1));
    await pressed.outbox.setSetting(NOT_BEFORE_KEY, pressed.clock.now() + 60_000);
    await startSettled(pressed.engine, { manual: true });
    expect(pressed.collector.requests).toHaveLength(1);
  });

  it("waits longer between attempts while the page is hidden", async () => {
    const faults: Fault[] = Array(12).fill("server-error");
    const { outbox, engine, clock } = await setup(faults, { isVisible: () => false, random: () => 0.999 });
    await outbox.enqueue(makeResponse(1));
    await startSettled(engine);
    for (let i = 0; i < 10; i++) await clock.fire();
    expect(clock.delay()).toBeGreaterThan(60_000);
    expect(clock.delay()).toBeLessThan(BACKOFF_CAP_HIDDEN_MS);
  });

  it("stops sending after 401 until sync now or a settings change", async () => {
    const { outbox, engine, clock, collector, trigger } = await setup(["unauthorized", "unauthorized"]);
    await outbox.enqueue(makeResponse(1));
    await startSettled(engine);
    expect(engine.getStatus()).toMatchObject({ phase: "unauthorized", lastError: "HTTP 401: bad token" });
    expect(engine.getStatus().nextAttemptAt).toBeUndefined();
    await clock.fire();
    trigger()?.();
    await clock.fire();
    expect(collector.requests).toHaveLength(1);
    expect(engine.getStatus().phase).toBe("unauthorized");
    await engine.syncNow(); // the button: tries again, and is refused again
    expect(collector.requests).toHaveLength(2);
    await clock.fire();
    expect(collector.requests).toHaveLength(2);
    await setDeviceToken(outbox, "new-token");
    await clock.fire();
    expect(collector.requests).toHaveLength(3);
    expect(collector.requests[2]?.headers.get("Authorization")).toBe("Bearer new-token");
    expect(engine.getStatus()).toMatchObject({ phase: "idle", counts: { sent: 1 } });
  });

  it("runs on a trigger, and folds a request during a run into one more run", async () => {
    const { outbox, engine, collector, trigger } = await setup();
    engine.start();
    await outbox.enqueue(makeResponse(1));
    trigger()?.();
    const during = engine.syncNow();
    await outbox.enqueue(makeResponse(2));
    await during;
    expect(collector.requests.flatMap((r) => r.ids).sort()).toEqual(
      [makeResponse(1).id, makeResponse(2).id].sort(),
    );
    expect(engine.getStatus().counts).toMatchObject({ pending: 0, sent: 2 });
  });

  it("stop() detaches the triggers and clears the timer", async () => {
    const { engine, clock, trigger } = await setup();
    const stop = engine.start();
    await engine.syncNow();
    expect(trigger()).toBeDefined();
    stop();
    expect(trigger()).toBeUndefined();
    expect(clock.delay()).toBeUndefined();
  });

  it("tells subscribers every change, with counts refreshed after each run", async () => {
    const { outbox, engine, seen } = await setup(["server-error"]);
    await outbox.enqueue(makeResponse(1));
    await engine.syncNow();
    await engine.syncNow();
    expect(seen.map((s) => s.phase)).toEqual(["syncing", "error", "syncing", "idle"]);
    expect(seen.map((s) => s.counts.pending)).toEqual([0, 1, 1, 0]);
  });

  it("is seen as busy, not failing, while another context syncs", async () => {
    const { outbox, engine, clock } = await setup([], {
      locks: { request: async (_name, _options, callback) => callback(null) },
    });
    await outbox.enqueue(makeResponse(1));
    await startSettled(engine);
    expect(engine.getStatus()).toMatchObject({ phase: "idle", counts: { pending: 1 } });
    expect(clock.delay()).toBe(2_000);
  });
});

describe("retention during sync", () => {
  it("purges sent responses past 30 days on a pass, and keeps every unsent one", async () => {
    const DAY = 86_400_000;
    let now = 1_000;
    const { outbox } = await freshOutbox({ now: () => now });
    await setEndpoint(outbox, "https://collector.example/api/v1");
    for (const n of [1, 2]) await outbox.enqueue(makeResponse(n));
    await outbox.applyResults([{ id: makeResponse(1).id, status: "accepted" }], now);
    const engine = createSyncEngine({
      outbox,
      now: () => now,
      locks: null,
      attach: () => () => {},
      onRetryLater: () => {},
      // The collector is gone: response 2 stays pending through every pass.
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    now += 8 * DAY;
    await engine.syncNow();
    expect(await outbox.counts()).toMatchObject({ pending: 1, sent: 1 });
    now += 23 * DAY;
    await engine.syncNow();
    expect(await outbox.counts()).toMatchObject({ pending: 1, sent: 0 });
    expect(engine.getStatus().counts).toMatchObject({ pending: 1, sent: 0 });
  });
});
