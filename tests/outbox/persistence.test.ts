import { describe, expect, it, vi } from "vitest";
import { requestPersistence } from "../../src/outbox";

describe("requestPersistence", () => {
  it("reports not persisted where there is no storage manager", async () => {
    expect(await requestPersistence(undefined)).toEqual({ persisted: false });
    expect(await requestPersistence({})).toEqual({ persisted: false });
  });

  it("does not ask again when persistence is already granted", async () => {
    const persist = vi.fn(async () => true);
    const report = await requestPersistence({
      persisted: async () => true,
      persist,
      estimate: async () => ({ usage: 10, quota: 1000 }),
    });
    expect(report).toEqual({ persisted: true, usage: 10, quota: 1000 });
    expect(persist).not.toHaveBeenCalled();
  });

  it("asks, and survives calls that throw", async () => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => true })).toEqual({
      persisted: true,
    });
    const boom = async (): Promise<never> => {
      throw new Error("denied");
    };
    expect(await requestPersistence({ persisted: boom, persist: boom, estimate: boom })).toEqual({
      persisted: false,
    });
  });
});
