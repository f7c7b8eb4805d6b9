import { describe, expect, it } from "vitest";
import type { Response } from "../../src/domain/response";
import { TOO_LARGE_REASON } from "../../src/sync";
import type { PostAnswer } from "../../src/sync/outcome";
import { sendBatch } from "../../src/sync/send-batch";
import { makeResponse } from "../outbox/fixtures";

const batchOf = (n: number) => Array.from({ length: n }, (_, i) => makeResponse(i + 1));
const accept = (batch: readonly Response[]): PostAnswer => ({
  kind: "results",
  results: batch.map((r) => ({ id: r.id, status: "accepted" })),
});

describe("sendBatch", () => {
  it("splits a batch answered 413 into halves until each part fits", async () => {
    const sizes: number[] = [];
    const report = await sendBatch(batchOf(5), async (batch) => {
      sizes.push(batch.length);
      return batch.length > 2 ? { kind: "too-large" } : accept(batch);
    });
    expect(sizes).toEqual([5, 3, 2, 1, 2]);
    expect(report.failure).toBeUndefined();
    expect(report.results.map((r) => r.id)).toEqual(batchOf(5).map((r) => r.id));
  });

  it("rejects, with a reason, a single item the endpoint still finds too large", async () => {
    const [big, ...small] = batchOf(3);
    const report = await sendBatch([big as Response, ...small], async (batch) =>
      batch.some((r) => r.id === big?.id) ? { kind: "too-large" } : accept(batch),
    );
    expect(report.results).toEqual([
      { id: big?.id, status: "rejected", error: TOO_LARGE_REASON },
      ...small.map((r) => ({ id: r.id, status: "accepted" })),
    ]);
  });

  it("stops at the first failure, keeping the halves that got through", async () => {
    let calls = 0;
    const report = await sendBatch(batchOf(4), async (batch) => {
      calls++;
      if (batch.length > 2) return { kind: "too-large" };
      return calls === 2 ? accept(batch) : { kind: "offline", error: "gone" };
    });
    expect(report.results).toHaveLength(2);
    expect(report.failure).toEqual({ kind: "offline", error: "gone" });
    expect(calls).toBe(3);
  });

  it("keeps only results for ids of the batch, once each", async () => {
    const batch = batchOf(2);
    const report = await sendBatch(batch, async () => ({
      kind: "results",
      results: [
        { id: batch[0]?.id ?? "", status: "accepted" },
        { id: "someone-else", status: "accepted" },
        { id: batch[0]?.id ?? "", status: "rejected" },
      ],
    }));
    expect(report.results).toEqual([{ id: batch[0]?.id, status: "accepted" }]);
  });
});
