import { afterEach, describe, expect, it, vi } from "vitest";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawGet, rawPut } from "./raw-idb";

afterEach(() => vi.restoreAllMocks());

/** The durability each readwrite transaction on "responses" asked for, in order. */
function watchDurability(): string[] {
  const asked: string[] = [];
  const transaction = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    if (mode === "readwrite" && (typeof stores === "string" ? [stores] : [...stores]).includes("responses"))
      asked.push(options?.durability ?? "default");
    return transaction.call(this, stores, mode, options);
  });
  return asked;
}

describe("a sync pass's results, written back", () => {
  it("do not wait for the disk, while a submit does", async () => {
    const { outbox } = await freshOutbox({ now: () => 100 });
    const asked = watchDurability();
    await outbox.enqueue(makeResponse(1));
    await outbox.applyResults([{ id: makeResponse(1).id, status: "accepted" }], 200, [makeResponse(1)]);
    expect(asked).toEqual(["strict", "relaxed"]);
  });

  it("give the same records with the sent responses as without them", async () => {
    const results = [
      { id: makeResponse(1).id, status: "accepted" as const },
      { id: makeResponse(2).id, status: "duplicate" as const },
      { id: makeResponse(3).id, status: "rejected" as const, error: "answers.q_prepared: not an option" },
      { id: makeResponse(4).id, status: "conflict" as const },
    ];
    const stored = async (sent?: ReturnType<typeof makeResponse>[]) => {
      const { outbox, idbFactory } = await freshOutbox({ now: () => 100 });
      for (const n of [1, 2, 3, 4]) await outbox.enqueue(makeResponse(n));
      await outbox.applyResults(results, 200, sent);
      return Promise.all([1, 2, 3, 4].map((n) => rawGet(idbFactory, makeResponse(n).id)));
    };
    const without = await stored();
    expect(without.map((r) => (r as { state: string }).state)).toEqual([
      "sent",
      "sent",
      "rejected",
      "conflict",
    ]);
    expect(await stored([1, 2, 3, 4].map((n) => makeResponse(n)))).toEqual(without);
  });

  it("check the whole record again when what is stored is not what was sent", async () => {
    const { outbox, idbFactory } = await freshOutbox({ now: () => 100 });
    const sent = makeResponse(1);
    // Stored with other (valid) answers than the copy that went out: still a good record, so applied.
    await rawPut(idbFactory, {
      id: sent.id,
      response: { ...sent, answers: { q_prepared: "no" } },
      state: "pending",
      queuedAt: 1,
      attempts: 0,
    });
    await outbox.applyResults([{ id: sent.id, status: "accepted" }], 200, [sent]);
    expect(await rawGet(idbFactory, sent.id)).toMatchObject({
      state: "sent",
      sentAt: 200,
      attempts: 1,
      response: { answers: { q_prepared: "no" } },
    });
  });
});
