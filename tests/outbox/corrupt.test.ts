import { describe, expect, it } from "vitest";
import { CORRUPT_REASON, OutboxConflictError } from "../../src/outbox";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawGet, rawPut } from "./raw-idb";

async function withCorruptRecords() {
  const setup = await freshOutbox({ now: () => 100 });
  await setup.outbox.enqueue(makeResponse(1));
  await setup.outbox.enqueue(makeResponse(3));
  const bad = makeResponse(2);
  // Queued between the good ones, in state "pending", but its response breaks the schema.
  await rawPut(setup.idbFactory, {
    id: bad.id,
    response: { ...bad, answers: "not an object" },
    state: "pending",
    queuedAt: 100,
    attempts: 0,
  });
  // Not even an object with the right fields: a damaged value from an older build.
  const odd = { id: "zzz-not-a-uuid", state: 7 };
  await rawPut(setup.idbFactory, odd);
  return { ...setup, badId: bad.id };
}

describe("records that fail their checks on read", () => {
  it("are listed as rejected with a corrupt-record reason, without crashing", async () => {
    const { outbox, badId } = await withCorruptRecords();
    const list = await outbox.list();
    expect(list).toHaveLength(4);
    const bad = list.find((r) => r.id === badId);
    expect(bad).toMatchObject({ state: "rejected", corrupt: true, attempts: 0, queuedAt: 100 });
    expect(bad?.reason).toMatch(new RegExp(`^${CORRUPT_REASON}: response.answers`));
    expect(list.find((r) => r.id === "zzz-not-a-uuid")).toMatchObject({ state: "rejected", corrupt: true });
    expect(await outbox.list({ state: "rejected" })).toHaveLength(2);
    expect(await outbox.counts()).toEqual({ pending: 2, sent: 0, rejected: 2, conflict: 0 });
  });

  it("are never taken for sending, and the limit still counts good records only", async () => {
    const { outbox } = await withCorruptRecords();
    const taken = await outbox.takePending(2);
    expect(taken.map((r) => r.id)).toEqual([makeResponse(1).id, makeResponse(3).id]);
  });

  it("are left exactly as stored by results and by a new enqueue of the same id", async () => {
    const { outbox, idbFactory, badId } = await withCorruptRecords();
    const before = await rawGet(idbFactory, badId);
    await outbox.applyResults([{ id: badId, status: "accepted" }]);
    await expect(outbox.enqueue(makeResponse(2))).rejects.toBeInstanceOf(OutboxConflictError);
    expect(await rawGet(idbFactory, badId)).toEqual(before);
  });

  it("are caught when the record's id and its response's id differ", async () => {
    const { outbox, idbFactory } = await freshOutbox();
    const response = makeResponse(5);
    await rawPut(idbFactory, {
      id: makeResponse(6).id,
      response,
      state: "pending",
      queuedAt: 1,
      attempts: 0,
    });
    expect(await outbox.takePending(5)).toEqual([]);
    expect((await outbox.list())[0]?.reason).toMatch(/id does not match/);
  });
});
