import { describe, expect, it } from "vitest";
import {
  NEARLY_FULL_RATIO,
  OLD_UNSENT_MS,
  readStorageHealth,
  storageWarnings,
} from "../../src/app/device/storage-health";
import { freshOutbox, makeResponse } from "../outbox/fixtures";

const NOW = 1_800_000_000_000;

describe("storage warnings", () => {
  it("warn when the oldest unsent response is more than a day old, not before", () => {
    expect(
      storageWarnings({ persisted: "granted", oldestPendingAt: NOW - OLD_UNSENT_MS }, NOW).oldUnsent,
    ).toBe(false);
    expect(
      storageWarnings({ persisted: "granted", oldestPendingAt: NOW - OLD_UNSENT_MS - 1 }, NOW).oldUnsent,
    ).toBe(true);
    expect(storageWarnings({ persisted: "granted" }, NOW).oldUnsent).toBe(false);
  });

  it("warn when more than 90% of the quota is used, and never on missing figures", () => {
    expect(NEARLY_FULL_RATIO).toBe(0.9);
    expect(storageWarnings({ persisted: "unknown", usage: 90, quota: 100 }, NOW)).toEqual({
      oldUnsent: false,
      nearlyFull: false,
      ratio: 0.9,
    });
    expect(storageWarnings({ persisted: "unknown", usage: 91, quota: 100 }, NOW).nearlyFull).toBe(true);
    expect(storageWarnings({ persisted: "unknown", usage: 91 }, NOW)).toEqual({
      oldUnsent: false,
      nearlyFull: false,
    });
    expect(storageWarnings({ persisted: "unknown", usage: 5, quota: 0 }, NOW).nearlyFull).toBe(false);
  });
});

describe("reading the figures", () => {
  it("takes the estimate and the oldest pending response's queue time", async () => {
    const times = [NOW - 5, NOW - 9, NOW - 1];
    const { outbox } = await freshOutbox({ now: () => times.shift() ?? 0 });
    for (const n of [1, 2, 3]) await outbox.enqueue(makeResponse(n));
    await outbox.applyResults([{ id: makeResponse(2).id, status: "accepted" }]);
    const health = await readStorageHealth(
      outbox,
      { estimate: async () => ({ usage: 10, quota: 100 }) },
      "granted",
    );
    expect(health).toEqual({ persisted: "granted", usage: 10, quota: 100, oldestPendingAt: NOW - 5 });
  });

  it("leaves out what the browser cannot say or what fails, instead of guessing", async () => {
    const { outbox } = await freshOutbox();
    const failing = { estimate: async (): Promise<never> => Promise.reject(new Error("no")) };
    expect(await readStorageHealth(outbox, failing, "not_granted")).toEqual({ persisted: "not_granted" });
    expect(await readStorageHealth(undefined, undefined, "unknown")).toEqual({ persisted: "unknown" });
  });
});
