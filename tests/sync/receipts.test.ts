import { afterEach, describe, expect, it } from "vitest";
import type { Outbox } from "../../src/outbox";
import { checkReceipts, ReceiptsError, requeueUnconfirmed, syncOnce } from "../../src/sync";
import { freshOutbox, tickingClock } from "../outbox/fixtures";
import { makeResponse, openApp, STORAGE_VARIANTS } from "../server/support";

const ENDPOINT = "http://collector.test/api/v1";
const sqlite = STORAGE_VARIANTS[0] as (typeof STORAGE_VARIANTS)[number];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of cleanups.splice(0)) await dispose();
});

/** The real collector app in-process (SQLite), behind a fetch that counts its receipts requests. */
async function collector() {
  const opened = await openApp(sqlite);
  cleanups.push(opened.dispose);
  const receiptCalls: number[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = String(input).replace("http://collector.test", "");
    if (path.endsWith("/receipts"))
      receiptCalls.push((JSON.parse(String(init?.body)) as { ids: string[] }).ids.length);
    return opened.app.request(path, init);
  };
  return { ...opened, fetch, receiptCalls };
}

async function sentDevice(n: number, fetch: typeof globalThis.fetch): Promise<Outbox> {
  const { outbox } = await freshOutbox({ now: tickingClock() });
  for (let i = 0; i < n; i++) await outbox.enqueue(makeResponse());
  const outcome = await syncOnce(outbox, { fetch, endpoint: ENDPOINT, locks: null, maxItems: 500 });
  expect(outcome).toMatchObject({ kind: "done", sent: n });
  return outbox;
}

const confirmedCount = async (outbox: Outbox) =>
  (await outbox.list({ state: "sent" })).filter((r) => r.confirmedAt !== undefined).length;

describe("receipts against the real collector", () => {
  it("confirms every sent response, asking at most 1000 ids a request", async () => {
    const c = await collector();
    const outbox = await sentDevice(1_001, c.fetch);
    const report = await checkReceipts(outbox, { fetch: c.fetch, endpoint: ENDPOINT, now: () => 5 });
    expect(report).toEqual({ asked: 1_001, confirmed: 1_001, missing: [] });
    expect(c.receiptCalls).toEqual([1000, 1]);
    expect(await confirmedCount(outbox)).toBe(1_001);
  }, 60_000);

  it("finds what a collector lost, re-sends only those, and ends with each stored once", async () => {
    const first = await collector();
    const outbox = await sentDevice(30, first.fetch);
    // The collector is replaced by one restored from a backup that holds only the first 20.
    const restored = await collector();
    const sent = await outbox.list({ state: "sent" });
    const kept = sent.slice(0, 20).map((r) => r.response);
    await restored.app.request("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: kept }),
    });
    const report = await checkReceipts(outbox, { fetch: restored.fetch, endpoint: ENDPOINT });
    expect(report.confirmed).toBe(20);
    expect(report.missing.sort()).toEqual(
      sent
        .slice(20)
        .map((r) => r.id)
        .sort(),
    );
    expect(await confirmedCount(outbox)).toBe(20);

    expect(await requeueUnconfirmed(outbox)).toHaveLength(10);
    expect(await outbox.counts()).toMatchObject({ pending: 10, sent: 20 });
    const resend = await syncOnce(outbox, { fetch: restored.fetch, endpoint: ENDPOINT, locks: null });
    expect(resend).toMatchObject({ kind: "done", sent: 10 });
    expect(await checkReceipts(outbox, { fetch: restored.fetch, endpoint: ENDPOINT })).toMatchObject({
      asked: 30,
      confirmed: 30,
      missing: [],
    });
    // The collector holds each id exactly once: 30 rows for 30 ids.
    const ids = sent.map((r) => r.id);
    const held = await restored.app.request("/api/v1/receipts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids }),
    });
    expect(((await held.json()) as { stored: string[] }).stored.sort()).toEqual([...ids].sort());
  });

  it("re-sending a confirmed response is safe: the collector answers duplicate", async () => {
    const c = await collector();
    const outbox = await sentDevice(3, c.fetch);
    // Staff re-send before any check: nothing is confirmed yet, so all three go again.
    expect(await requeueUnconfirmed(outbox)).toHaveLength(3);
    expect(await syncOnce(outbox, { fetch: c.fetch, endpoint: ENDPOINT, locks: null })).toMatchObject({
      kind: "done",
      sent: 3,
      conflict: 0,
      rejected: 0,
    });
  });
});

describe("when the collector cannot be asked", () => {
  async function deviceWithOneSent() {
    const c = await collector();
    const outbox = await sentDevice(1, c.fetch);
    await checkReceipts(outbox, { fetch: c.fetch, endpoint: ENDPOINT, now: () => 1 });
    return outbox;
  }

  it("says offline, unauthorized or error, and changes no record", async () => {
    const outbox = await deviceWithOneSent();
    const before = await outbox.list();
    const cases: [typeof globalThis.fetch, string][] = [
      [async () => Promise.reject(new TypeError("Failed to fetch")), "offline"],
      [
        async () => new Response('{"error":{"code":"unauthorized","message":"no"}}', { status: 401 }),
        "unauthorized",
      ],
      [async () => new Response("oops", { status: 503 }), "error"],
      [async () => new Response('{"held":[]}', { status: 200 }), "error"],
    ];
    for (const [fetch, kind] of cases) {
      const failure = await checkReceipts(outbox, { fetch, endpoint: ENDPOINT }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ReceiptsError);
      expect((failure as ReceiptsError).kind).toBe(kind);
    }
    expect(await outbox.list()).toEqual(before);
  });
});
