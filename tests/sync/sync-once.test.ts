import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/domain/canonical-json";
import type { Outbox } from "../../src/outbox";
import { SYNC_LOCK, setDeviceToken, setEndpoint, syncOnce, TOO_LARGE_REASON } from "../../src/sync";
import { freshOutbox, makeResponse, tickingClock } from "../outbox/fixtures";
import { type Fault, fakeCollector } from "./fake-collector";

const ENDPOINT = "https://collector.example/api/v1";

async function outboxWith(n: number): Promise<Outbox> {
  const { outbox } = await freshOutbox({ now: tickingClock() });
  await setEndpoint(outbox, `${ENDPOINT}/`);
  for (let i = 1; i <= n; i++) await outbox.enqueue(makeResponse(i));
  return outbox;
}

const faults =
  (...list: Fault[]) =>
  () =>
    list.shift() ?? "ok";

describe("syncOnce", () => {
  it("posts { responses } as JSON to the endpoint, without cookies, and marks them sent", async () => {
    const outbox = await outboxWith(3);
    const collector = fakeCollector();
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null, now: () => 5 });
    expect(outcome).toEqual({ kind: "done", sent: 3, rejected: 0, conflict: 0, unanswered: 0 });
    const [request] = collector.requests;
    expect(request?.url).toBe(`${ENDPOINT}/responses`);
    expect(request?.init.method).toBe("POST");
    expect(request?.init.credentials).toBe("omit");
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.headers.has("Authorization")).toBe(false);
    expect(request?.ids).toEqual([1, 2, 3].map((n) => makeResponse(n).id));
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 3, rejected: 0, conflict: 0 });
    expect((await outbox.list()).every((r) => r.sentAt === 5)).toBe(true);
  });

  it("sends the device token as a bearer token when one is set", async () => {
    const outbox = await outboxWith(1);
    await setDeviceToken(outbox, "kiosk-token-123");
    const collector = fakeCollector();
    await syncOnce(outbox, { fetch: collector.fetch, locks: null });
    expect(collector.requests[0]?.headers.get("Authorization")).toBe("Bearer kiosk-token-123");
  });

  it("drains in batches bounded by count, oldest first", async () => {
    const outbox = await outboxWith(7);
    const collector = fakeCollector();
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null, maxItems: 3 });
    expect(collector.requests.map((r) => r.ids.length)).toEqual([3, 3, 1]);
    expect(collector.requests.flatMap((r) => r.ids)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => makeResponse(n).id),
    );
    expect(outcome.sent).toBe(7);
  });

  it("drains in batches bounded by bytes", async () => {
    const outbox = await outboxWith(4);
    const collector = fakeCollector();
    const one = JSON.stringify({ responses: [makeResponse(1)] }).length;
    await syncOnce(outbox, { fetch: collector.fetch, locks: null, maxBytes: one * 2 });
    expect(collector.requests.map((r) => r.ids.length)).toEqual([2, 2]);
    for (const r of collector.requests)
      expect(new TextEncoder().encode(String(r.init.body)).byteLength).toBeLessThanOrEqual(one * 2);
  });

  it("applies each item's status on its own", async () => {
    const { outbox } = await freshOutbox({ now: tickingClock() });
    await setEndpoint(outbox, ENDPOINT);
    await outbox.enqueue(makeResponse(1));
    await outbox.enqueue(makeResponse(2, { q_prepared: "no" }));
    await outbox.enqueue(makeResponse(3));
    const collector = fakeCollector();
    collector.stored.set(makeResponse(2).id, "other content");
    collector.stored.set(makeResponse(3).id, canonicalJson(makeResponse(3)));
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null });
    expect(outcome).toMatchObject({ kind: "done", sent: 2, conflict: 1 });
    const states = Object.fromEntries((await outbox.list()).map((r) => [r.id, r.state]));
    expect(states).toEqual({
      [makeResponse(1).id]: "sent",
      [makeResponse(2).id]: "conflict",
      [makeResponse(3).id]: "sent",
    });
  });

  it("marks rejected, with the collector's reason, what it refuses", async () => {
    const outbox = await outboxWith(2);
    const collector = fakeCollector();
    const fetchRejectingFirst: typeof fetch = async (input, init) => {
      const answer = await collector.fetch(input, init);
      const body = (await answer.json()) as { results: { id: string; status: string; error?: string }[] };
      const [first] = body.results;
      if (first) Object.assign(first, { status: "rejected", error: "answers.q_prepared: not an option" });
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const outcome = await syncOnce(outbox, { fetch: fetchRejectingFirst, locks: null });
    expect(outcome).toMatchObject({ kind: "done", sent: 1, rejected: 1 });
    expect(await outbox.list({ state: "rejected" })).toEqual([
      expect.objectContaining({ id: makeResponse(1).id, reason: "answers.q_prepared: not an option" }),
    ]);
  });

  it("leaves an item missing from a 200 answer pending, and does not loop on it", async () => {
    const outbox = await outboxWith(3);
    const collector = fakeCollector(() => "omit-last");
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null });
    expect(outcome).toMatchObject({ kind: "done", sent: 2, unanswered: 1 });
    expect(collector.requests).toHaveLength(1);
    expect((await outbox.list({ state: "pending" })).map((r) => r.id)).toEqual([makeResponse(3).id]);
  });

  it("splits on 413 and rejects a single item that is still too large", async () => {
    const outbox = await outboxWith(4);
    const tooBig = makeResponse(3).id;
    const collector = fakeCollector();
    const fetch413: typeof fetch = async (input, init) => {
      const ids = (JSON.parse(String(init?.body)) as { responses: { id: string }[] }).responses.map(
        (r) => r.id,
      );
      if (ids.length > 1 || ids[0] === tooBig) return new Response("{}", { status: 413 });
      return collector.fetch(input, init);
    };
    const outcome = await syncOnce(outbox, { fetch: fetch413, locks: null });
    expect(outcome).toMatchObject({ kind: "done", sent: 3, rejected: 1 });
    expect(await outbox.list({ state: "rejected" })).toEqual([
      expect.objectContaining({ id: tooBig, reason: TOO_LARGE_REASON }),
    ]);
  });

  it("reports 401 as unauthorized and marks nothing", async () => {
    const outbox = await outboxWith(2);
    const collector = fakeCollector(() => "unauthorized");
    const outcome = await syncOnce(outbox, { fetch: collector.fetch, locks: null });
    expect(outcome).toMatchObject({ kind: "unauthorized", status: 401, error: "HTTP 401: bad token" });
    expect(await outbox.counts()).toMatchObject({ pending: 2, sent: 0 });
  });

  it("reports a network error as offline, 5xx as error, and 429's Retry-After", async () => {
    const outbox = await outboxWith(1);
    const collector = fakeCollector(faults("network-before", "server-error", "rate-limited"));
    const run = () => syncOnce(outbox, { fetch: collector.fetch, locks: null });
    expect(await run()).toMatchObject({ kind: "offline", error: "TypeError: Failed to fetch" });
    expect(await run()).toMatchObject({ kind: "error", status: 503, error: "HTTP 503: down" });
    expect(await run()).toMatchObject({ kind: "error", status: 429, retryAfterMs: 7_000 });
    expect(await outbox.counts()).toMatchObject({ pending: 1 });
    expect(await run()).toMatchObject({ kind: "done", sent: 1 });
  });

  it("treats an answer that is not a v1 results body as an error, marking nothing", async () => {
    const outbox = await outboxWith(1);
    const outcome = await syncOnce(outbox, {
      fetch: async () => new Response(JSON.stringify({ ok: true }), { status: 200 }),
      locks: null,
    });
    expect(outcome).toMatchObject({ kind: "error", status: 200 });
    expect(await outbox.counts()).toMatchObject({ pending: 1 });
  });

  it("does nothing while another context holds the sync lock", async () => {
    const outbox = await outboxWith(1);
    const collector = fakeCollector();
    let outcome: unknown;
    await navigator.locks.request(SYNC_LOCK, async () => {
      outcome = await syncOnce(outbox, { fetch: collector.fetch });
    });
    expect(outcome).toMatchObject({ kind: "busy" });
    expect(collector.requests).toHaveLength(0);
    expect(await syncOnce(outbox, { fetch: collector.fetch })).toMatchObject({ kind: "done", sent: 1 });
  });

  it("answers an error, not a throw, when no endpoint can be found", async () => {
    const { outbox } = await freshOutbox();
    await outbox.enqueue(makeResponse(1));
    const outcome = await syncOnce(outbox, { fetch: fakeCollector().fetch, locks: null });
    expect(outcome).toMatchObject({ kind: "error", error: expect.stringMatching(/no endpoint/) });
  });
});
