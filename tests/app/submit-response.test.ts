import { beforeEach, describe, expect, it, vi } from "vitest";
import { demoSurvey } from "../../harness/fixtures/demo-survey";
import type { Outbox } from "../../src/outbox";
import { freshOutbox } from "../outbox/fixtures";

// The page's services, with the outbox under the test's control and no real sync or prompt.
const current: { outbox: () => Promise<Outbox> } = { outbox: async () => Promise.reject(new Error("unset")) };
vi.mock("../../src/app/device/outbox", () => ({
  getOutbox: () => current.outbox(),
  existingOutbox: () => current.outbox(),
}));
vi.mock("../../src/app/device/sync", () => ({ syncNow: vi.fn(async () => {}) }));
vi.mock("../../src/app/device/persistence", () => ({ askForPersistence: vi.fn(async () => {}) }));

const { submitResponse } = await import("../../src/app/device/submit-response");
const { flushDrafts, loadDraft, saveDraft } = await import("../../src/app/device/drafts");
const { syncNow } = await import("../../src/app/device/sync");
const { askForPersistence } = await import("../../src/app/device/persistence");

const def = demoSurvey;

async function withDraft(outbox: Outbox) {
  current.outbox = async () => outbox;
  saveDraft({
    surveyId: "demo",
    surveyVersion: def.version,
    answers: { q_prep: "yes" },
    screen: { kind: "review" },
  });
  await flushDrafts();
}

/** Lets the fire-and-forget discard after a save reach the database. */
const drain = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

beforeEach(() => vi.clearAllMocks());

describe("submitting when the device cannot store the response", () => {
  it("rejects on QuotaExceededError: not 'saved', the draft kept, nothing sent or asked", async () => {
    const { outbox } = await freshOutbox();
    const full: Outbox = {
      ...outbox,
      enqueue: async () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      },
    };
    await withDraft(full);
    await expect(submitResponse(def, { q_prep: "yes" }, "ja")).rejects.toMatchObject({
      name: "QuotaExceededError",
    });
    await drain();
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 0, rejected: 0, conflict: 0 });
    expect((await loadDraft("demo"))?.answers).toEqual({ q_prep: "yes" });
    expect(syncNow).not.toHaveBeenCalled();
    expect(askForPersistence).not.toHaveBeenCalled();
  });

  it("rejects when the write itself fails inside IndexedDB (a real failed transaction)", async () => {
    const { outbox } = await freshOutbox();
    await withDraft(outbox);
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    await expect(submitResponse(def, { q_prep: "no" }, "ja")).rejects.toMatchObject({
      name: "QuotaExceededError",
    });
    put.mockRestore();
    await drain();
    expect(await outbox.list()).toEqual([]);
    expect((await loadDraft("demo"))?.answers).toEqual({ q_prep: "yes" });
  });

  it("rejects when there is no database at all (IndexedDB blocked)", async () => {
    current.outbox = async () => {
      throw new DOMException("blocked", "InvalidStateError");
    };
    await expect(submitResponse(def, { q_prep: "yes" }, "ja")).rejects.toMatchObject({
      name: "InvalidStateError",
    });
  });

  it("once stored, says saved, discards the draft, and starts sending", async () => {
    const { outbox } = await freshOutbox();
    await withDraft(outbox);
    const result = await submitResponse(def, { q_prep: "yes" }, "ja");
    expect(result.kind).toBe("saved");
    await drain();
    expect((await outbox.list()).map((r) => r.state)).toEqual(["pending"]);
    expect(await loadDraft("demo")).toBeUndefined();
    expect(syncNow).toHaveBeenCalledTimes(1);
  });
});

describe("submitting while a draft write is on its way", () => {
  it("waits for a draft write already on its way, so that the draft cannot come back after the response", async () => {
    const { outbox } = await freshOutbox();
    const steps: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: Outbox = {
      ...outbox,
      putDraft: async (draft) => {
        steps.push("draft write begins");
        await held;
        await outbox.putDraft(draft);
        steps.push("draft write lands");
      },
      enqueue: async (response, options) => {
        steps.push("response stored, draft dropped");
        await outbox.enqueue(response, options);
      },
    };
    current.outbox = async () => slow;
    // The move to the review screen writes the draft at once; the respondent taps "submit" meanwhile.
    saveDraft(
      {
        surveyId: "demo",
        surveyVersion: def.version,
        answers: { q_prep: "yes" },
        screen: { kind: "review" },
      },
      true,
    );
    await drain();
    const submitted = submitResponse(def, { q_prep: "yes" }, "ja");
    await drain();
    release();
    expect((await submitted).kind).toBe("saved");
    expect(steps).toEqual(["draft write begins", "draft write lands", "response stored, draft dropped"]);
    expect(await outbox.getDraft("demo")).toBeUndefined();
    expect((await outbox.list()).map((r) => r.state)).toEqual(["pending"]);
  });
});
