import { describe, expect, it } from "vitest";
import { DAY_MS, DEFAULT_RETENTION_DAYS, RetentionError } from "../../src/outbox";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawAddBatch } from "./raw-idb";

const T0 = 1_760_000_000_000;
const id = (n: number) => makeResponse(n).id;

/** Ten responses queued at T0: 1–4 sent at T0, 5–6 rejected, 7 conflict, 8–10 never sent. */
async function deviceWithEveryState() {
  let now = T0;
  const setup = await freshOutbox({ now: () => now });
  for (let n = 1; n <= 10; n++) await setup.outbox.enqueue(makeResponse(n));
  await setup.outbox.applyResults(
    [
      ...[1, 2, 3, 4].map((n) => ({ id: id(n), status: "accepted" as const })),
      ...[5, 6].map((n) => ({ id: id(n), status: "rejected" as const, error: "bad" })),
      { id: id(7), status: "conflict" as const },
    ],
    T0,
  );
  return { ...setup, setNow: (t: number) => (now = t) };
}

describe("retention", () => {
  it("defaults to 30 days", async () => {
    const { outbox } = await freshOutbox();
    expect(DEFAULT_RETENTION_DAYS).toBe(30);
    expect(await outbox.getRetentionDays()).toBe(30);
  });

  it("with the clock 8 days ahead expires nothing at all", async () => {
    const { outbox } = await deviceWithEveryState();
    expect(await outbox.purgeExpired(T0 + 8 * DAY_MS)).toEqual([]);
    expect(await outbox.counts()).toEqual({ pending: 3, sent: 4, rejected: 2, conflict: 1 });
  });

  it("keeps sent responses until 30 days have passed, then purges only them", async () => {
    const { outbox } = await deviceWithEveryState();
    expect(await outbox.purgeExpired(T0 + 30 * DAY_MS - 1)).toEqual([]);
    const purged = await outbox.purgeExpired(T0 + 31 * DAY_MS);
    expect(purged.sort()).toEqual([1, 2, 3, 4].map(id).sort());
    expect(await outbox.counts()).toEqual({ pending: 3, sent: 0, rejected: 2, conflict: 1 });
  });

  it("never expires unsent, rejected or conflicting responses, however old", async () => {
    const { outbox } = await deviceWithEveryState();
    for (const days of [31, 365, 10 * 365]) await outbox.purgeExpired(T0 + days * DAY_MS);
    const left = await outbox.list();
    expect(left.map((r) => r.id).sort()).toEqual([5, 6, 7, 8, 9, 10].map(id).sort());
    // And they are still sendable / visible as they were.
    expect((await outbox.takePending(10)).map((r) => r.id)).toEqual([8, 9, 10].map(id));
  });

  it("counts a sent response's time from when it was sent, not when it was queued", async () => {
    const { outbox } = await deviceWithEveryState();
    await outbox.applyResults([{ id: id(8), status: "accepted" }], T0 + 20 * DAY_MS);
    await outbox.purgeExpired(T0 + 31 * DAY_MS);
    expect((await outbox.list({ state: "sent" })).map((r) => r.id)).toEqual([id(8)]);
    expect(await outbox.purgeExpired(T0 + 50 * DAY_MS)).toEqual([id(8)]);
  });

  it("follows the retention setting, and refuses one that is not whole days in range", async () => {
    const { outbox } = await deviceWithEveryState();
    await outbox.setRetentionDays(7);
    expect(await outbox.getRetentionDays()).toBe(7);
    expect(await outbox.purgeExpired(T0 + 8 * DAY_MS)).toHaveLength(4);
    for (const bad of [0, -1, 1.5, Number.NaN, 4000])
      await expect(outbox.setRetentionDays(bad)).rejects.toBeInstanceOf(RetentionError);
    expect(await outbox.getRetentionDays()).toBe(7);
  });

  it("falls back to 30 days when the stored setting is damaged", async () => {
    const { outbox } = await deviceWithEveryState();
    await outbox.setSetting("outbox.retentionDays", "thirty");
    expect(await outbox.getRetentionDays()).toBe(30);
    expect(await outbox.purgeExpired(T0 + 29 * DAY_MS)).toEqual([]);
  });

  it("keeps a sent record whose stored value is damaged: it cannot be judged, so it stays", async () => {
    const { outbox, idbFactory } = await deviceWithEveryState();
    const bad = makeResponse(20);
    await rawAddBatch(idbFactory, {
      ids: [bad.id],
      records: [
        { id: bad.id, response: { ...bad, answers: 5 }, state: "sent", queuedAt: 0, attempts: 1, sentAt: 0 },
      ],
    });
    await outbox.purgeExpired(T0 + 365 * DAY_MS);
    expect((await outbox.list()).map((r) => r.id)).toContain(bad.id);
  });
});

describe("confirmations and re-queuing", () => {
  it("marks only sent records as confirmed, and clears it when the collector no longer has one", async () => {
    const { outbox } = await deviceWithEveryState();
    await outbox.recordReceipts([id(1), id(2), id(5), id(8), "unknown"], [], T0 + 5);
    let byId = new Map((await outbox.list()).map((r) => [r.id, r]));
    expect(byId.get(id(1))?.confirmedAt).toBe(T0 + 5);
    expect(byId.get(id(2))?.confirmedAt).toBe(T0 + 5);
    expect(byId.get(id(3))?.confirmedAt).toBeUndefined();
    expect(byId.get(id(5))?.confirmedAt).toBeUndefined();
    expect(byId.get(id(8))?.confirmedAt).toBeUndefined();
    await outbox.recordReceipts([id(1)], [id(2)], T0 + 6);
    byId = new Map((await outbox.list()).map((r) => [r.id, r]));
    expect(byId.get(id(1))?.confirmedAt).toBe(T0 + 6);
    expect(byId.get(id(2))).toMatchObject({ state: "sent", sentAt: T0 });
    expect(byId.get(id(2))?.confirmedAt).toBeUndefined();
  });

  it("puts sent records back in the queue, and leaves every other state alone", async () => {
    const { outbox } = await deviceWithEveryState();
    const requeued = await outbox.requeue([id(3), id(4), id(5), id(7), id(9)]);
    expect(requeued).toEqual([id(3), id(4)]);
    expect(await outbox.counts()).toEqual({ pending: 5, sent: 2, rejected: 2, conflict: 1 });
    const again = (await outbox.list()).find((r) => r.id === id(3));
    expect(again).toMatchObject({ state: "pending", queuedAt: T0 });
    expect(again?.sentAt).toBeUndefined();
    // The collector then answers "duplicate" and it is sent again.
    await outbox.applyResults([{ id: id(3), status: "duplicate" }], T0 + 9);
    expect((await outbox.list()).find((r) => r.id === id(3))).toMatchObject({
      state: "sent",
      sentAt: T0 + 9,
    });
  });
});
