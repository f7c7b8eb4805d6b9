import { afterEach, describe, expect, it, vi } from "vitest";
import type { Response } from "../../src/domain/response";
import { DB_VERSION, OutboxConflictError, OutboxValidationError, openOutbox } from "../../src/outbox";
import { freshOutbox, makeResponse, tickingClock } from "./fixtures";

afterEach(() => vi.restoreAllMocks());

describe("enqueue", () => {
  it("writes in one strict readwrite transaction, committed when it resolves", async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, "transaction");
    const { outbox, idbFactory } = await freshOutbox();
    await outbox.enqueue(makeResponse(1));
    const writes = spy.mock.calls.filter((call) => call[1] === "readwrite");
    expect(writes).toHaveLength(1);
    expect(writes[0]?.[2]).toEqual({ durability: "strict" });
    // Another connection sees it: the transaction had committed before enqueue resolved.
    const other = await openOutbox({ idbFactory });
    expect((await other.list()).map((r) => r.id)).toEqual([makeResponse(1).id]);
    other.close();
    outbox.close();
  });

  it("stores a pending record with its queue time and no attempts", async () => {
    const { outbox } = await freshOutbox({ now: () => 42 });
    await outbox.enqueue(makeResponse(1));
    expect(await outbox.list()).toEqual([
      { id: makeResponse(1).id, response: makeResponse(1), state: "pending", queuedAt: 42, attempts: 0 },
    ]);
  });

  it("refuses an invalid response and stores nothing", async () => {
    const { outbox } = await freshOutbox();
    const bad = { ...makeResponse(1), surveyVersion: 0 } as Response;
    await expect(outbox.enqueue(bad)).rejects.toBeInstanceOf(OutboxValidationError);
    await expect(outbox.enqueue({ ...makeResponse(2), extra: 1 } as Response)).rejects.toThrow();
    expect(await outbox.list()).toEqual([]);
  });

  it("rejects when the write fails (a full disk)", async () => {
    const { outbox } = await freshOutbox();
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    await expect(outbox.enqueue(makeResponse(1))).rejects.toMatchObject({ name: "QuotaExceededError" });
    vi.restoreAllMocks();
    expect(await outbox.list()).toEqual([]);
  });

  it("is idempotent: the same id twice is one record, and a sent one stays sent", async () => {
    const { outbox } = await freshOutbox({ now: tickingClock() });
    await outbox.enqueue(makeResponse(1));
    await outbox.enqueue(makeResponse(1));
    expect(await outbox.counts()).toEqual({ pending: 1, sent: 0, rejected: 0, conflict: 0 });
    await outbox.applyResults([{ id: makeResponse(1).id, status: "accepted" }], 500);
    await outbox.enqueue(makeResponse(1));
    const [record] = await outbox.list();
    expect(record).toMatchObject({ state: "sent", sentAt: 500, attempts: 1, queuedAt: 1000 });
  });

  it("keeps the first content when the same id comes again with other answers", async () => {
    const { outbox } = await freshOutbox();
    await outbox.enqueue(makeResponse(1, { q_prepared: "yes" }));
    await expect(outbox.enqueue(makeResponse(1, { q_prepared: "no" }))).rejects.toBeInstanceOf(
      OutboxConflictError,
    );
    expect((await outbox.list())[0]?.response.answers).toEqual({ q_prepared: "yes" });
  });
});

describe("takePending", () => {
  it("gives pending records oldest first, by queue time then id, up to the limit", async () => {
    const { outbox } = await freshOutbox({ now: () => 7 });
    for (const n of [3, 1, 2]) await outbox.enqueue(makeResponse(n));
    const ids = [1, 2, 3].map((n) => makeResponse(n).id);
    expect((await outbox.takePending(10)).map((r) => r.id)).toEqual(ids);
    expect((await outbox.takePending(2)).map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(await outbox.takePending(0)).toEqual([]);
  });

  it("orders by queue time before id, skips other states, and continues after a record", async () => {
    const times = [30, 10, 20, 40];
    const { outbox } = await freshOutbox({ now: () => times.shift() ?? 99 });
    for (const n of [1, 2, 3, 4]) await outbox.enqueue(makeResponse(n));
    await outbox.applyResults([{ id: makeResponse(4).id, status: "accepted" }]);
    const taken = await outbox.takePending(10);
    expect(taken.map((r) => r.queuedAt)).toEqual([10, 20, 30]);
    const rest = await outbox.takePending(10, taken[0]);
    expect(rest.map((r) => r.id)).toEqual([makeResponse(3).id, makeResponse(1).id]);
  });

  it("continues after a record sharing its queue time by id", async () => {
    const { outbox } = await freshOutbox({ now: () => 5 });
    for (const n of [1, 2, 3]) await outbox.enqueue(makeResponse(n));
    const [first] = await outbox.takePending(1);
    expect((await outbox.takePending(5, first)).map((r) => r.id)).toEqual(
      [2, 3].map((n) => makeResponse(n).id),
    );
  });
});

describe("applyResults", () => {
  it("applies each item's status on its own, with reasons, and ignores unknown ids", async () => {
    const { outbox } = await freshOutbox({ now: tickingClock() });
    for (const n of [1, 2, 3, 4, 5]) await outbox.enqueue(makeResponse(n));
    const id = (n: number) => makeResponse(n).id;
    await outbox.applyResults(
      [
        { id: id(1), status: "accepted" },
        { id: id(2), status: "duplicate" },
        { id: id(3), status: "conflict", error: "other content" },
        { id: id(4), status: "rejected", error: "answers.q_prepared: not an option" },
        { id: "not-in-the-outbox", status: "accepted" },
      ],
      9_000,
    );
    const byId = new Map((await outbox.list()).map((r) => [r.id, r]));
    expect(byId.get(id(1))).toMatchObject({ state: "sent", sentAt: 9_000, attempts: 1 });
    expect(byId.get(id(2))).toMatchObject({ state: "sent", sentAt: 9_000, attempts: 1 });
    expect(byId.get(id(3))).toMatchObject({ state: "conflict", reason: "other content", attempts: 1 });
    expect(byId.get(id(4))).toMatchObject({ state: "rejected", reason: "answers.q_prepared: not an option" });
    expect(byId.get(id(5))).toMatchObject({ state: "pending", attempts: 0 });
    expect(byId.has("not-in-the-outbox")).toBe(false);
    expect(await outbox.counts()).toEqual({ pending: 1, sent: 2, rejected: 1, conflict: 1 });
    expect(await outbox.list({ state: "sent" })).toHaveLength(2);
  });

  it("gives a reason when the collector gave none", async () => {
    const { outbox } = await freshOutbox();
    await outbox.enqueue(makeResponse(1));
    await outbox.enqueue(makeResponse(2));
    await outbox.applyResults([
      { id: makeResponse(1).id, status: "rejected" },
      { id: makeResponse(2).id, status: "conflict" },
    ]);
    for (const record of await outbox.list()) expect(record.reason).toMatch(/collector/);
  });

  it("keeps the collector's code beside its reason, for the device to word it, until a later answer", async () => {
    const { outbox } = await freshOutbox();
    const id = makeResponse(1).id;
    await outbox.enqueue(makeResponse(1));
    await outbox.applyResults([
      { id, status: "rejected", code: "unknown_version", error: "surveyVersion: …" },
    ]);
    expect((await outbox.list())[0]).toMatchObject({
      reason: "surveyVersion: …",
      reasonCode: "unknown_version",
    });
    // An answer without a code (an older collector) leaves no stale code behind.
    await outbox.applyResults([{ id, status: "rejected", error: "older words" }]);
    expect((await outbox.list())[0]?.reasonCode).toBeUndefined();
    await outbox.applyResults([{ id, status: "accepted" }]);
    expect((await outbox.list({ state: "sent" }))[0]?.reasonCode).toBeUndefined();
  });

  it("never downgrades a sent record, and a later acceptance clears a reason", async () => {
    const { outbox } = await freshOutbox();
    const id = makeResponse(1).id;
    await outbox.enqueue(makeResponse(1));
    await outbox.applyResults([{ id, status: "rejected", error: "server said no" }], 1);
    await outbox.applyResults([{ id, status: "accepted" }], 2);
    await outbox.applyResults([{ id, status: "rejected", error: "late answer" }], 3);
    await outbox.applyResults([{ id, status: "conflict" }], 4);
    const [record] = await outbox.list();
    expect(record).toMatchObject({ state: "sent", sentAt: 2, attempts: 4 });
    expect(record?.reason).toBeUndefined();
  });
});

describe("settings", () => {
  it("keeps values and forgets one set to undefined", async () => {
    const { outbox, idbFactory } = await freshOutbox();
    expect(await outbox.getSetting("endpoint")).toBeUndefined();
    await outbox.setSetting("endpoint", "https://example.org/api/v1");
    await outbox.setSetting("n", { a: [1] });
    const other = await openOutbox({ idbFactory });
    expect(await other.getSetting<string>("endpoint")).toBe("https://example.org/api/v1");
    expect(await other.getSetting("n")).toEqual({ a: [1] });
    await other.setSetting("endpoint", undefined);
    expect(await outbox.getSetting("endpoint")).toBeUndefined();
  });
});

it("uses the database version this code was written for", () => {
  expect(DB_VERSION).toBe(4);
});

describe("enqueue with its draft", () => {
  const draft = {
    surveyId: "kumin-2025",
    surveyVersion: 1,
    answers: { q_prepared: "yes" },
    screen: { kind: "review" as const },
    updatedAt: 1,
  };

  it("stores the response and deletes the survey's draft in one transaction", async () => {
    const { outbox } = await freshOutbox();
    await outbox.putDraft(draft);
    await outbox.putDraft({ ...draft, surveyId: "other" });
    await outbox.enqueue(makeResponse(1), { discardDraft: "kumin-2025" });
    expect(await outbox.counts()).toMatchObject({ pending: 1 });
    expect(await outbox.getDraft("kumin-2025")).toBeUndefined();
    expect(await outbox.getDraft("other")).toEqual({ ...draft, surveyId: "other" });
  });

  it("keeps the draft when the response cannot be written", async () => {
    const { outbox } = await freshOutbox();
    await outbox.putDraft(draft);
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    await expect(outbox.enqueue(makeResponse(1), { discardDraft: "kumin-2025" })).rejects.toMatchObject({
      name: "QuotaExceededError",
    });
    vi.restoreAllMocks();
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.getDraft("kumin-2025")).toEqual(draft);
  });
});
