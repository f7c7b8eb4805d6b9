import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS } from "../../src/contract/responses";
import { BATCH_MAX_BYTES, BATCH_MAX_ITEMS, jsonBytes, planBatches } from "../../src/sync";
import { responsesBody } from "../../src/sync/batch";

const bodyBytes = (batch: unknown[]) => jsonBytes({ responses: batch });

describe("planBatches", () => {
  it("stays well inside the contract's limits", () => {
    expect(BATCH_MAX_ITEMS).toBeLessThanOrEqual(MAX_BATCH_ITEMS);
    expect(BATCH_MAX_BYTES).toBeLessThan(MAX_BATCH_BYTES);
  });

  it("cuts by count, in order", () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const batches = planBatches(items, jsonBytes);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(items);
    expect(planBatches(items, jsonBytes, 7).map((b) => b.length)).toEqual([...Array(35).fill(7), 5]);
  });

  it("cuts by the size of the JSON body, counting the envelope and commas exactly", () => {
    const item = "x".repeat(8); // 10 bytes as JSON
    const three = bodyBytes([item, item, item]);
    expect(planBatches([item, item, item], jsonBytes, 100, three).map((b) => b.length)).toEqual([3]);
    expect(planBatches([item, item, item], jsonBytes, 100, three - 1).map((b) => b.length)).toEqual([2, 1]);
  });

  it("counts bytes, not characters: Japanese text is three bytes a character", () => {
    const answer = "防災".repeat(100); // 200 characters, 600 bytes
    expect(jsonBytes(answer)).toBe(602);
    const batches = planBatches([answer, answer, answer], jsonBytes, 100, 1300);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it("gives an item too large on its own a batch of its own", () => {
    const big = "y".repeat(500);
    expect(planBatches(["a", big, "b"], jsonBytes, 100, 100)).toEqual([["a"], [big], ["b"]]);
    expect(planBatches([], jsonBytes)).toEqual([]);
  });

  it("keeps every item once, in order, each batch within both limits unless it is one item", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60, unit: "grapheme" }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 16, max: 600 }),
        (items, maxItems, maxBytes) => {
          const batches = planBatches(items, jsonBytes, maxItems, maxBytes);
          expect(batches.flat()).toEqual(items);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(maxItems);
            if (batch.length > 1) expect(bodyBytes(batch)).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });

  it("sends each batch as the same text JSON.stringify gives, within the size it was planned at", () => {
    const item = fc.dictionary(
      fc.string({ maxLength: 8 }),
      fc.oneof(fc.string({ maxLength: 40, unit: "grapheme" }), fc.integer(), fc.array(fc.string())),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.integer({ min: 16, max: 800 }), (items, maxBytes) => {
        for (const batch of planBatches(items, jsonBytes, 100, maxBytes)) {
          const body = responsesBody(batch);
          expect(body).toBe(JSON.stringify({ responses: batch }));
          if (batch.length > 1)
            expect(new TextEncoder().encode(body).byteLength).toBeLessThanOrEqual(maxBytes);
        }
      }),
    );
  });
});
