import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutboxRecord } from "../../src/outbox";
import { freshOutbox, makeResponse } from "./fixtures";
import { rawPut } from "./raw-idb";
import { READ_PATHS, useReadPath } from "./read-paths";

type Kind = "pending" | "corrupt" | "sent";

/** Writes records behind the outbox's back, with the queue times and states given. */
async function outboxWithRaw(rows: { n: number; queuedAt: number; kind: Kind }[]) {
  const setup = await freshOutbox();
  // Opening created the database; the rows go in through plain IndexedDB.
  for (const { n, queuedAt, kind } of rows) {
    const response = makeResponse(n);
    await rawPut(setup.idbFactory, {
      id: response.id,
      response: kind === "corrupt" ? { ...response, answers: "not an object" } : response,
      state: kind === "sent" ? "sent" : "pending",
      queuedAt,
      attempts: 0,
      ...(kind === "sent" && { sentAt: 1 }),
    });
  }
  return setup;
}

/** Every page from the start (or from `after`) until an empty one, as takePending is walked by a sync pass. */
async function walk(
  take: (limit: number, after?: { queuedAt: number; id: string }) => Promise<OutboxRecord[]>,
  limit: number,
  after?: { queuedAt: number; id: string },
): Promise<OutboxRecord[][]> {
  const pages: OutboxRecord[][] = [];
  for (let from = after; ; ) {
    const page = await take(limit, from);
    const last = page.at(-1);
    if (!last) return pages;
    pages.push(page);
    from = { queuedAt: last.queuedAt, id: last.id };
  }
}

const byQueueThenId = (a: { queuedAt: number; id: string }, b: { queuedAt: number; id: string }) =>
  a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe.each(READ_PATHS)("takePending, read a page at a time with %s", (path) => {
  useReadPath(path);

  it("walks records that share a queue time in id order, a page at a time", async () => {
    const rows = [5, 3, 1, 4, 2, 6].map((n) => ({ n, queuedAt: 10, kind: "pending" as const }));
    const { outbox } = await outboxWithRaw(rows);
    const pages = await walk(outbox.takePending, 2);
    expect(pages.map((page) => page.map((r) => r.id))).toEqual([
      [1, 2].map((n) => makeResponse(n).id),
      [3, 4].map((n) => makeResponse(n).id),
      [5, 6].map((n) => makeResponse(n).id),
    ]);
  });

  it("takes the ties after `after` first, then later queue times, in one page", async () => {
    const { outbox } = await outboxWithRaw([
      { n: 1, queuedAt: 10, kind: "pending" },
      { n: 2, queuedAt: 10, kind: "pending" },
      { n: 3, queuedAt: 10, kind: "pending" },
      { n: 4, queuedAt: 11, kind: "pending" },
      { n: 5, queuedAt: 9, kind: "pending" },
    ]);
    const after = { queuedAt: 10, id: makeResponse(1).id };
    expect((await outbox.takePending(3, after)).map((r) => r.id)).toEqual(
      [2, 3, 4].map((n) => makeResponse(n).id),
    );
    // `after` need not be pending any more, nor exist: it is a position in the queue.
    const gone = { queuedAt: 10, id: `${makeResponse(2).id}~` };
    expect((await outbox.takePending(5, gone)).map((r) => r.id)).toEqual(
      [3, 4].map((n) => makeResponse(n).id),
    );
  });

  it("reads past a page made only of corrupt records instead of ending the walk", async () => {
    const { outbox } = await outboxWithRaw([
      { n: 1, queuedAt: 1, kind: "corrupt" },
      { n: 2, queuedAt: 2, kind: "corrupt" },
      { n: 3, queuedAt: 2, kind: "corrupt" },
      { n: 4, queuedAt: 3, kind: "corrupt" },
      { n: 5, queuedAt: 3, kind: "pending" },
      { n: 6, queuedAt: 4, kind: "pending" },
    ]);
    expect((await outbox.takePending(2)).map((r) => r.id)).toEqual([5, 6].map((n) => makeResponse(n).id));
    const after = { queuedAt: 2, id: makeResponse(2).id };
    expect((await outbox.takePending(1, after)).map((r) => r.id)).toEqual([makeResponse(5).id]);
  });

  it("skips a corrupt record whose primary key is not even a string", async () => {
    const { outbox, idbFactory } = await outboxWithRaw([
      { n: 1, queuedAt: 5, kind: "corrupt" },
      { n: 2, queuedAt: 5, kind: "pending" },
    ]);
    // Numbers sort before strings in IndexedDB's key order; a page can end on this one.
    await rawPut(idbFactory, { id: 7, state: "pending", queuedAt: 5 });
    expect((await outbox.takePending(1)).map((r) => r.id)).toEqual([makeResponse(2).id]);
    expect(await outbox.takePending(1, { queuedAt: 5, id: makeResponse(2).id })).toEqual([]);
  });

  it("gives exactly the good pending records, in queue order, whatever the ties, states and limit", async () => {
    const row = fc.record({
      queuedAt: fc.integer({ min: 1, max: 4 }),
      kind: fc.constantFrom<Kind>("pending", "pending", "corrupt", "sent"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(
          fc.record({ queuedAt: fc.integer({ min: 0, max: 5 }), n: fc.integer({ min: 0, max: 31 }) }),
        ),
        async (rows, limit, start) => {
          const numbered = rows.map((r, i) => ({ ...r, n: i + 1, id: makeResponse(i + 1).id }));
          const { outbox } = await outboxWithRaw(numbered);
          const after = start ? { queuedAt: start.queuedAt, id: makeResponse(start.n).id } : undefined;
          const expected = numbered
            .filter((r) => r.kind === "pending")
            .filter((r) => !after || byQueueThenId(r, after) > 0)
            .sort(byQueueThenId)
            .map((r) => r.id);
          const pages = await walk(outbox.takePending, limit, after);
          for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
          // Only the last page may be short: a short page means nothing good was left to read.
          for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
          expect(pages.flat().map((r) => r.id)).toEqual(expected);
          expect(pages.flat().every((r) => r.state === "pending" && r.corrupt === undefined)).toBe(true);
          outbox.close();
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
