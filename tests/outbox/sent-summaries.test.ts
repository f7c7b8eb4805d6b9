import { afterEach, describe, expect, it, vi } from "vitest";
import type { ItemResult } from "../../src/contract/responses";
import { DAY_MS, emptyCounts, type Outbox, openOutbox } from "../../src/outbox";
import { SentSummaries } from "../../src/outbox/sent-summaries";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawOpen, request } from "./raw-idb";

afterEach(() => vi.restoreAllMocks());

const id = (n: number) => makeResponse(n).id;
const accepted = (ns: number[]): ItemResult[] => ns.map((n) => ({ id: id(n), status: "accepted" }));

/** The counts as list() shows the records: what counts() must always agree with. */
async function listed(outbox: Outbox) {
  const counts = emptyCounts();
  for (const record of await outbox.list()) counts[record.state]++;
  return counts;
}

/** Reads of values from the sent store (settings and responses are read as before). */
function spyOnSentReads() {
  const gets = vi.spyOn(IDBObjectStore.prototype, "get");
  return {
    count: () => gets.mock.contexts.filter((store) => (store as IDBObjectStore).name === "sent").length,
    clear: () => gets.mockClear(),
  };
}

async function sentKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  const db = await rawOpen(factory);
  const keys = await request(db.transaction("sent").objectStore("sent").getAllKeys());
  db.close();
  return keys;
}

/** Responses 1..count queued, then sent in batches of `batch`, each batch at its own time. */
async function sentInBatches(outbox: Outbox, count: number, batch: number, at = (k: number) => k * 1_000) {
  for (let n = 1; n <= count; n++) await outbox.enqueue(makeResponse(n));
  for (let first = 1, k = 0; first <= count; first += batch, k++) {
    const ns = Array.from({ length: Math.min(batch, count - first + 1) }, (_, i) => first + i);
    await outbox.applyResults(accepted(ns), at(k), await outbox.takePending(ns.length));
  }
}

describe("the sent store's values, summarized once", () => {
  it("are never rewritten under their key: a change writes what is left under a new one", async () => {
    const { outbox, idbFactory } = await freshOutbox({ now: () => 0 });
    await sentInBatches(outbox, 6, 3);
    const [first, second] = await sentKeys(idbFactory);
    await outbox.recordReceipts([id(1)], [], 5_000);
    const afterReceipt = await sentKeys(idbFactory);
    expect(afterReceipt).not.toContain(first);
    expect(afterReceipt).toContain(second);
    expect(await outbox.requeue([id(4)])).toEqual([id(4)]);
    const afterRequeue = await sentKeys(idbFactory);
    expect(afterRequeue).not.toContain(second);
    expect(afterRequeue).toHaveLength(2);
    // Every key given once: the new ones come after every key the store ever had.
    for (const key of afterRequeue) expect(key as number).toBeGreaterThan(second as number);
  });

  it("are read by counts() only once: a second count reads none, a new batch only itself", async () => {
    const { outbox } = await freshOutbox({ now: () => 0 });
    await sentInBatches(outbox, 30, 10);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 30, rejected: 0, conflict: 0 });
    const reads = spyOnSentReads();
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 30, rejected: 0, conflict: 0 });
    expect(reads.count()).toBe(0);
    await outbox.enqueue(makeResponse(31));
    await outbox.applyResults(accepted([31]), 0, await outbox.takePending(1));
    reads.clear();
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 31, rejected: 0, conflict: 0 });
    expect(reads.count()).toBe(1);
  });

  it("let purgeExpired read only the values whose earliest send has run out", async () => {
    let now = 0;
    const { outbox } = await freshOutbox({ now: () => now });
    // Three batches sent on days 0, 10 and 20.
    await sentInBatches(outbox, 9, 3, (k) => k * 10 * DAY_MS);
    await outbox.counts();
    const reads = spyOnSentReads();
    now = 29 * DAY_MS;
    expect(await outbox.purgeExpired()).toEqual([]);
    expect(reads.count()).toBe(0);
    now = 35 * DAY_MS;
    expect((await outbox.purgeExpired()).sort()).toEqual([1, 2, 3].map(id).sort());
    expect(reads.count()).toBe(1);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 6, rejected: 0, conflict: 0 });
  });

  it("keep counts() equal to the list, whatever changed them, here or in another tab", async () => {
    let now = 0;
    const { outbox: here, idbFactory } = await freshOutbox({ now: () => now });
    const there = await openOutbox({ idbFactory, now: () => now });
    const steps: [string, (o: Outbox) => Promise<unknown>][] = [
      ["sent in two batches", (o) => sentInBatches(o, 8, 4)],
      ["a receipt", (o) => o.recordReceipts([id(2), id(6)], [], 1_000)],
      ["a receipt taken back", (o) => o.recordReceipts([], [id(6)], 2_000)],
      ["two requeued", (o) => o.requeue([id(3), id(7)])],
      [
        "one rejected",
        async (o) => o.applyResults([{ id: id(3), status: "rejected" }], 3_000, await o.takePending(1)),
      ],
      ["one sent again", async (o) => o.applyResults(accepted([7]), 40 * DAY_MS, await o.takePending(1))],
      [
        "the old ones expired",
        (o) => {
          now = 35 * DAY_MS;
          return o.purgeExpired();
        },
      ],
      [
        "a damaged value",
        async () => {
          const db = await rawOpen(idbFactory);
          await request(db.transaction("sent", "readwrite").objectStore("sent").add({ ids: "junk" }));
          db.close();
        },
      ],
      [
        "all expired",
        (o) => {
          now = 80 * DAY_MS;
          return o.purgeExpired();
        },
      ],
    ];
    for (const [k, [what, step]] of steps.entries()) {
      await step(k % 2 === 0 ? here : there);
      const truth = await listed(here);
      expect(await here.counts(), `here, after ${what}`).toEqual(truth);
      expect(await there.counts(), `there, after ${what}`).toEqual(truth);
    }
    // The damaged value, kept whole; the rejected record, kept; every sent one expired.
    expect(await here.counts()).toEqual({ pending: 0, sent: 0, rejected: 2, conflict: 0 });
  });
});

describe("SentSummaries.update", () => {
  // Ten damaged values: each summarizes as one corrupt record, without any store behind it.
  const unread = new Map(
    Array.from({ length: 10 }, (_, k) => [k + 1, [{ id: `sent-batch-${k + 1}`, stored: "not a batch" }]]),
  );
  const keys = [...unread.keys()];

  /** How often update() let the page run between values, with the clock moving `msPerRead` at each read. */
  async function yieldsWhen(msPerRead: number): Promise<number> {
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (clock += msPerRead));
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    const summaries = new SentSummaries();
    await summaries.update(keys, unread);
    const counts = summaries.countsOf(keys);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10);
    const yields = timeouts.mock.calls.length;
    vi.restoreAllMocks();
    return yields;
  }

  it("runs on while its task is within its time budget, and yields once the task has run past it", async () => {
    // Ten values read in 10 ms: one task.
    expect(await yieldsWhen(1)).toBe(0);
    // Each value past the budget alone: a yield between every two of the ten.
    expect(await yieldsWhen(60)).toBe(9);
  });
});
