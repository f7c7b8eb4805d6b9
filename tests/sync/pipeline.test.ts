import { describe, expect, it } from "vitest";
import type { ItemResult } from "../../src/contract/responses";
import type { Outbox } from "../../src/outbox";
import { setEndpoint, syncOnce } from "../../src/sync";
import { BATCHES_PER_READ } from "../../src/sync/batch";
import { freshOutbox, makeResponse, tickingClock } from "../outbox/fixtures";
import { rawPut } from "../outbox/raw-idb";
import { type Fault, fakeCollector } from "./fake-collector";

const ENDPOINT = "https://collector.example/api/v1";
const tick = (ms = 3) => new Promise((resolve) => setTimeout(resolve, ms));

async function outboxWith(n: number) {
  const setup = await freshOutbox({ now: tickingClock() });
  await setEndpoint(setup.outbox, ENDPOINT);
  for (let i = 1; i <= n; i++) await setup.outbox.enqueue(makeResponse(i));
  return setup;
}

/** The outbox with slow write-backs that log when they start and end, and how many overlap. */
function watched(outbox: Outbox, log: string[], fail?: (call: number) => boolean) {
  const watch = { inFlight: 0, maxInFlight: 0, calls: 0 };
  const applyResults = async (results: ItemResult[], now?: number) => {
    const call = ++watch.calls;
    watch.inFlight++;
    watch.maxInFlight = Math.max(watch.maxInFlight, watch.inFlight);
    log.push(`write ${call} start`);
    try {
      await tick(5);
      if (fail?.(call)) throw new Error(`write ${call} failed`);
      await outbox.applyResults(results, now);
    } finally {
      watch.inFlight--;
      log.push(`write ${call} end`);
    }
  };
  return { outbox: { ...outbox, applyResults }, watch };
}

/** The fake collector's fetch, logging each POST's start and answer, and slow enough to overlap. */
function loggedFetch(collector: ReturnType<typeof fakeCollector>, log: string[]): typeof fetch {
  let posts = 0;
  return async (input, init) => {
    const post = ++posts;
    log.push(`post ${post} start`);
    await tick(5);
    try {
      return await collector.fetch(input, init);
    } finally {
      log.push(`post ${post} end`);
    }
  };
}

const faults =
  (...list: Fault[]) =>
  () =>
    list.shift() ?? "ok";

describe("syncOnce, pipelined", () => {
  it("writes a batch's results back while the next batch is posted, one write-back at a time", async () => {
    const log: string[] = [];
    const { outbox: plain } = await outboxWith(7);
    const { outbox, watch } = watched(plain, log);
    const collector = fakeCollector();
    const outcome = await syncOnce(outbox, { fetch: loggedFetch(collector, log), locks: null, maxItems: 2 });
    expect(outcome).toEqual({ kind: "done", sent: 7, rejected: 0, conflict: 0, unanswered: 0 });
    expect(watch.calls).toBe(4);
    expect(watch.maxInFlight).toBe(1);
    // Batch 2 went out before batch 1's results were written: the two overlapped.
    expect(log.indexOf("post 2 start")).toBeLessThan(log.indexOf("write 1 end"));
    // Each write-back starts only once its own batch was answered, and after the one before ended.
    for (let k = 1; k <= 4; k++) {
      expect(log.indexOf(`write ${k} start`)).toBeGreaterThan(log.indexOf(`post ${k} end`));
      if (k > 1) expect(log.indexOf(`write ${k} start`)).toBeGreaterThan(log.indexOf(`write ${k - 1} end`));
    }
  });

  it("resolves only once the last write-back has finished", async () => {
    const log: string[] = [];
    const { outbox: plain } = await outboxWith(5);
    const { outbox, watch } = watched(plain, log);
    await syncOnce(outbox, { fetch: loggedFetch(fakeCollector(), log), locks: null, maxItems: 2 });
    expect(watch.inFlight).toBe(0);
    expect(log.at(-1)).toBe("write 3 end");
    expect(await plain.counts()).toMatchObject({ pending: 0, sent: 5 });
  });

  it("marks sent only ids that their own batch's answer acknowledged", async () => {
    const { outbox: plain } = await outboxWith(6);
    const collector = fakeCollector(faults("ok", "omit-last", "ok"));
    const written: string[][] = [];
    const outbox: Outbox = {
      ...plain,
      applyResults: async (results, now) => {
        // Whatever is written was acknowledged before the write began.
        for (const r of results) expect(collector.acknowledged.has(r.id)).toBe(true);
        written.push(results.map((r) => r.id));
        await plain.applyResults(results, now);
      },
    };
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null, maxItems: 2 });
    expect(outcome).toMatchObject({ kind: "done", sent: 5, unanswered: 1 });
    expect(written).toEqual([[1, 2], [3], [5, 6]].map((batch) => batch.map((n) => makeResponse(n).id)));
    expect((await plain.list({ state: "pending" })).map((r) => r.id)).toEqual([makeResponse(4).id]);
  });

  it("on a failed POST, waits for the write-back in flight, then stops", async () => {
    const log: string[] = [];
    const { outbox: plain } = await outboxWith(7);
    const { outbox, watch } = watched(plain, log);
    const collector = fakeCollector(faults("ok", "ok", "server-error"));
    const outcome = await syncOnce(outbox, { fetch: loggedFetch(collector, log), locks: null, maxItems: 2 });
    expect(outcome).toMatchObject({ kind: "error", status: 503, sent: 4 });
    expect(collector.requests).toHaveLength(3);
    expect(watch.inFlight).toBe(0);
    expect(log.at(-1)).toBe("write 3 end"); // the failed batch's (empty) results, after batch 2's
    expect(await plain.counts()).toMatchObject({ pending: 3, sent: 4 });
  });

  it("on a failed write-back, rejects with its error, with nothing left in flight and nothing else marked", async () => {
    const log: string[] = [];
    const { outbox: plain } = await outboxWith(6);
    const { outbox, watch } = watched(plain, log, (call) => call === 1);
    const collector = fakeCollector();
    await expect(
      syncOnce(outbox, { fetch: loggedFetch(collector, log), locks: null, maxItems: 2 }),
    ).rejects.toThrow("write 1 failed");
    expect(watch.inFlight).toBe(0);
    // Batch 2 was on the wire while batch 1 was being written; its answer is not written after
    // the failure, so its records stay pending and the next pass sends them again (as duplicates).
    expect(collector.requests).toHaveLength(2);
    expect(watch.calls).toBe(1);
    expect(await plain.counts()).toMatchObject({ pending: 6, sent: 0 });
    const again = await syncOnce(plain, { fetch: collector.fetch, locks: null, maxItems: 2 });
    expect(again).toMatchObject({ kind: "done", sent: 6 });
    expect(collector.storeCounts.size).toBe(6);
  });

  it("on a failed read of the next page, rejects once the write-back in flight has finished", async () => {
    const log: string[] = [];
    // One page read (BATCHES_PER_READ batches of 2) and 2 more, whose read fails.
    const { outbox: plain } = await outboxWith(2 * BATCHES_PER_READ + 2);
    const { outbox: slow, watch } = watched(plain, log);
    let reads = 0;
    const outbox: Outbox = {
      ...slow,
      takePending: async (limit, after) => {
        if (++reads === 2) throw new Error("read failed");
        return plain.takePending(limit, after);
      },
    };
    await expect(
      syncOnce(outbox, { fetch: loggedFetch(fakeCollector(), log), locks: null, maxItems: 2 }),
    ).rejects.toThrow("read failed");
    expect(watch.inFlight).toBe(0);
    expect(await plain.counts()).toMatchObject({ pending: 2, sent: 2 * BATCHES_PER_READ });
  });

  it("on a failed POST, resolves only once the page it was reading ahead has been read", async () => {
    const { outbox: plain } = await outboxWith(4);
    let reading = 0;
    const outbox: Outbox = {
      ...plain,
      takePending: async (limit, after) => {
        reading++;
        try {
          await tick(10);
          return await plain.takePending(limit, after);
        } finally {
          reading--;
        }
      },
    };
    const collector = fakeCollector(faults("network-before"));
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null, maxItems: 2 });
    expect(outcome).toMatchObject({ kind: "offline" });
    expect(reading).toBe(0);
  });

  it("sends in the same pass a response queued during its last POST", async () => {
    const { outbox } = await outboxWith(2);
    const collector = fakeCollector();
    let queuedDuring = false;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (!queuedDuring) {
        queuedDuring = true;
        await outbox.enqueue(makeResponse(3));
      }
      return collector.fetch(input, init);
    };
    const outcome = await syncOnce(outbox, { fetch, locks: null });
    expect(outcome).toMatchObject({ kind: "done", sent: 3 });
    expect(collector.requests.map((r) => r.ids.length)).toEqual([2, 1]);
  });

  it("does not stop at a page of corrupt records, as if the queue were empty", async () => {
    const { outbox, idbFactory } = await outboxWith(0);
    for (const n of [1, 2, 3]) {
      const response = makeResponse(n);
      await rawPut(idbFactory, {
        id: response.id,
        response: { ...response, answers: "not an object" },
        state: "pending",
        queuedAt: n,
        attempts: 0,
      });
    }
    for (const n of [4, 5, 6]) await outbox.enqueue(makeResponse(n));
    const collector = fakeCollector();
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null, maxItems: 2 });
    expect(outcome).toMatchObject({ kind: "done", sent: 3 });
    expect(collector.requests.flatMap((r) => r.ids)).toEqual([4, 5, 6].map((n) => makeResponse(n).id));
    expect(await outbox.counts()).toMatchObject({ pending: 0, sent: 3, rejected: 3 });
  });
});
