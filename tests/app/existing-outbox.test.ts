import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_DB_NAME } from "../../src/outbox";

// app/device/outbox.ts keeps one outbox per page: each case loads it afresh over its own factory.
async function pageWith(factory: IDBFactory) {
  vi.stubGlobal("indexedDB", factory);
  vi.resetModules();
  return import("../../src/app/device/outbox");
}

afterEach(() => vi.unstubAllGlobals());

describe("existingOutbox: a read on a device that never made the outbox opens nothing", () => {
  it("is undefined on a fresh device, and creates no database by asking", async () => {
    const factory = new IDBFactory();
    const { existingOutbox } = await pageWith(factory);
    expect(await existingOutbox()).toBeUndefined();
    expect(await factory.databases()).toEqual([]);
  });

  it("is the outbox once the page has opened it, and on the next page load too", async () => {
    const factory = new IDBFactory();
    const first = await pageWith(factory);
    const opened = await first.getOutbox();
    expect(await first.existingOutbox()).toBe(opened);
    await opened.putDraft({
      surveyId: "ward-resident",
      surveyVersion: 1,
      answers: { q_age: "30s" },
      screen: { kind: "review" },
      updatedAt: 1,
    });
    const next = await pageWith(factory);
    const found = await next.existingOutbox();
    expect(found).toBeDefined();
    expect((await found?.getDraft("ward-resident"))?.answers).toEqual({ q_age: "30s" });
    expect((await factory.databases()).map((d) => d.name)).toEqual([DEFAULT_DB_NAME]);
  });

  it("opens the outbox where the browser cannot list its databases, as before", async () => {
    const factory = new IDBFactory();
    Object.defineProperty(factory, "databases", { value: undefined });
    const { existingOutbox } = await pageWith(factory);
    expect(await existingOutbox()).toBeDefined();
  });
});
