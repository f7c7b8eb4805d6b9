import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/uuid";
import { freshOutbox, makeResponse } from "./fixtures";

const T0 = 1_760_000_000_000;

/** One response of each outcome a device can hold back: 1 in conflict, 2 rejected, 3 sent, 4 pending. */
async function deviceWithHeldAnswers() {
  const setup = await freshOutbox({ now: () => T0 + 5_000 });
  for (let n = 1; n <= 4; n++) await setup.outbox.enqueue(makeResponse(n));
  const id = (n: number) => makeResponse(n).id;
  await setup.outbox.applyResults(
    [
      { id: id(1), status: "conflict", error: "the collector holds this id with other content" },
      { id: id(2), status: "rejected", error: "unknown survey version" },
      { id: id(3), status: "accepted" },
    ],
    T0,
  );
  return { ...setup, id };
}

// Issue 26, item 2: a response the collector holds under its id with other answers can be kept as a
// new response, its answers unchanged, by a person who has read why.
describe("keepAsNew", () => {
  it("queues a conflicting response again under the new id, answers unchanged, and drops the old record", async () => {
    const { outbox, id } = await deviceWithHeldAnswers();
    const newId = uuidv7(T0 + 10_000);
    expect(await outbox.keepAsNew(id(1), newId)).toBe(true);
    const records = await outbox.list();
    expect(records.some((r) => r.id === id(1))).toBe(false);
    const kept = records.find((r) => r.id === newId);
    expect(kept?.state).toBe("pending");
    expect(kept?.response).toEqual({ ...makeResponse(1), id: newId });
    expect(kept?.queuedAt).toBe(T0 + 5_000);
    expect(await outbox.counts()).toEqual({ pending: 2, sent: 1, rejected: 1, conflict: 0 });
  });

  it("leaves a rejected, a sent, a pending or an unknown record as it is", async () => {
    const { outbox, id } = await deviceWithHeldAnswers();
    for (const n of [2, 3, 4, 9]) expect(await outbox.keepAsNew(id(n), uuidv7(T0 + n))).toBe(false);
    expect(await outbox.counts()).toEqual({ pending: 1, sent: 1, rejected: 1, conflict: 1 });
  });

  it("never puts a second record under an id the device holds", async () => {
    const { outbox, id } = await deviceWithHeldAnswers();
    await expect(outbox.keepAsNew(id(1), id(4))).rejects.toThrow();
    expect(await outbox.counts()).toEqual({ pending: 1, sent: 1, rejected: 1, conflict: 1 });
  });
});
