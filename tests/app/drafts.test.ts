import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDraftKeeper, type DraftInput } from "../../src/app/device/drafts";
import { type Draft, type Outbox, openOutbox } from "../../src/outbox";
import { freshOutbox } from "../outbox/fixtures";
import { rawOpen, request } from "../outbox/raw-idb";

const draft = (answers: DraftInput["answers"], questionId = "q_age"): DraftInput => ({
  surveyId: "ward-resident",
  surveyVersion: 1,
  answers,
  screen: { kind: "question", questionId },
});

async function setup(outboxOverride?: (outbox: Outbox) => Outbox) {
  const { outbox, idbFactory } = await freshOutbox();
  const used = outboxOverride ? outboxOverride(outbox) : outbox;
  const keeper = createDraftKeeper({ outbox: async () => used, delayMs: 400, now: () => 77 });
  return { outbox, idbFactory, keeper };
}

beforeEach(() => {
  // Only the keeper's timer is faked: fake-indexeddb schedules its own work with setImmediate.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => vi.useRealTimers());

/** Lets the debounce fire and the write it starts reach the database. */
async function settle(keeper: { flush(): Promise<void> }, ms = 400) {
  vi.advanceTimersByTime(ms);
  await keeper.flush();
  await new Promise((resolve) => setImmediate(resolve));
}

describe("the draft keeper", () => {
  it("writes only the last of a burst of changes, after the quiet delay", async () => {
    const { outbox, keeper } = await setup();
    const put = vi.spyOn(outbox, "putDraft");
    keeper.save(draft({ q_area: "area_1" }));
    keeper.save(draft({ q_area: "area_2" }));
    vi.advanceTimersByTime(399);
    expect(put).not.toHaveBeenCalled();
    keeper.save(draft({ q_area: "area_3" }, "q_housing"));
    await settle(keeper);
    expect(put).toHaveBeenCalledTimes(1);
    expect(await keeper.load("ward-resident")).toEqual({
      ...draft({ q_area: "area_3" }, "q_housing"),
      updatedAt: 77,
    });
  });

  it("writes at once on flush (the page is being hidden)", async () => {
    const { keeper, idbFactory } = await setup();
    keeper.save(draft({ q_area: "area_1" }));
    await keeper.flush();
    // Another connection, as after a reload, finds it.
    const reopened = await openOutbox({ idbFactory });
    expect((await reopened.getDraft("ward-resident"))?.answers).toEqual({ q_area: "area_1" });
    reopened.close();
  });

  it("discard removes the stored draft and cancels one still waiting", async () => {
    const { keeper } = await setup();
    keeper.save(draft({ q_area: "area_1" }));
    await settle(keeper);
    keeper.save(draft({ q_area: "area_2" }));
    await keeper.discard("ward-resident");
    await settle(keeper, 1_000);
    expect(await keeper.load("ward-resident")).toBeUndefined();
  });

  it("marks a draft with answers before it is written, and unmarks it only once its discard has landed", async () => {
    // The mark is what the intro's first paint reads (first-screen-boot.ts): wrong, it may say "a
    // draft" where there is none (Continue, pressed, starts the form), never the other way round.
    const { outbox } = await freshOutbox();
    const events: string[] = [];
    const put = outbox.putDraft.bind(outbox);
    const remove = outbox.deleteDraft.bind(outbox);
    outbox.putDraft = async (d) => {
      await put(d);
      events.push("written");
    };
    outbox.deleteDraft = async (id) => {
      await remove(id);
      events.push("deleted");
    };
    const keeper = createDraftKeeper({
      outbox: async () => outbox,
      delayMs: 400,
      mark: (_, kept) => void events.push(kept ? "marked" : "unmarked"),
    });
    keeper.save(draft({}));
    await settle(keeper);
    await keeper.settle("ward-resident");
    expect(events).toEqual(["written"]); // no answer: nothing to continue, nothing marked
    keeper.save(draft({ q_area: "area_1" }));
    await settle(keeper);
    await keeper.settle("ward-resident");
    await keeper.discard("ward-resident");
    expect(events).toEqual(["written", "marked", "written", "deleted", "unmarked"]);
  });

  it("keeps drafts of different surveys apart", async () => {
    const { keeper } = await setup();
    keeper.save(draft({ q_area: "area_1" }));
    keeper.save({ ...draft({ q_x: "a" }), surveyId: "other-survey" });
    await keeper.flush();
    await keeper.discard("other-survey");
    expect((await keeper.load("ward-resident"))?.answers).toEqual({ q_area: "area_1" });
    expect(await keeper.load("other-survey")).toBeUndefined();
  });

  it("a failed write does not throw into the form, and later writes still happen", async () => {
    let fail = true;
    const { keeper } = await setup((outbox) => ({
      ...outbox,
      putDraft: async (d) => {
        if (fail) throw new DOMException("full", "QuotaExceededError");
        return outbox.putDraft(d);
      },
    }));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    keeper.save(draft({ q_area: "area_1" }));
    await expect(keeper.flush()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    fail = false;
    keeper.save(draft({ q_area: "area_2" }));
    await keeper.flush();
    expect((await keeper.load("ward-resident"))?.answers).toEqual({ q_area: "area_2" });
  });

  it("reads a damaged stored draft as none instead of resuming it", async () => {
    const { keeper, idbFactory } = await setup();
    const db = await rawOpen(idbFactory);
    const damaged = { surveyId: "ward-resident", surveyVersion: 1, answers: 3 };
    await request(db.transaction("drafts", "readwrite").objectStore("drafts").put(damaged));
    db.close();
    expect(await keeper.load("ward-resident")).toBeUndefined();
  });

  describe("with the answers the survey page's own script kept before the app ran", () => {
    // A stand-in for localStorage's copy (device/drafts.ts reads and checks it there).
    const earlyStore = (kept?: Draft) => {
      let early = kept;
      return {
        read: async () => early,
        clear: vi.fn(() => {
          early = undefined;
        }),
      };
    };
    const withEarly = async (early: ReturnType<typeof earlyStore>) => {
      const { outbox } = await freshOutbox();
      return { outbox, keeper: createDraftKeeper({ outbox: async () => outbox, now: () => 77, early }) };
    };

    it("resumes the later of the two drafts", async () => {
      const early = earlyStore({ ...draft({ q_area: "area_3" }, "q_housing"), updatedAt: 100 });
      const { keeper, outbox } = await withEarly(early);
      await outbox.putDraft({ ...draft({ q_area: "area_1" }), updatedAt: 50 });
      expect((await keeper.load("ward-resident"))?.answers).toEqual({ q_area: "area_3" });
      await outbox.putDraft({ ...draft({ q_area: "area_2" }), updatedAt: 200 });
      expect((await keeper.load("ward-resident"))?.answers).toEqual({ q_area: "area_2" });
    });

    it("resumes it where the outbox keeps none", async () => {
      const early = earlyStore({ ...draft({ q_area: "area_3" }), updatedAt: 100 });
      const keeper = createDraftKeeper({
        outbox: async () => never(),
        existing: async () => undefined,
        early,
      });
      expect((await keeper.load("ward-resident"))?.screen).toEqual({ kind: "question", questionId: "q_age" });
    });

    it("drops it once the outbox holds the survey's draft, or once the draft is discarded", async () => {
      const early = earlyStore({ ...draft({ q_area: "area_3" }), updatedAt: 10 });
      const { keeper } = await withEarly(early);
      keeper.save(draft({ q_area: "area_3", q_age: "age_30_39" }), true);
      await keeper.settle("ward-resident");
      expect(early.clear).toHaveBeenCalledWith("ward-resident");
      expect((await keeper.load("ward-resident"))?.answers).toEqual({ q_area: "area_3", q_age: "age_30_39" });
      early.clear.mockClear();
      await keeper.discard("ward-resident");
      expect(early.clear).toHaveBeenCalledWith("ward-resident");
    });

    it("keeps it where the outbox's write fails", async () => {
      const early = earlyStore({ ...draft({ q_area: "area_3" }), updatedAt: 10 });
      const { outbox } = await freshOutbox();
      vi.spyOn(outbox, "putDraft").mockRejectedValue(new Error("QuotaExceededError"));
      const keeper = createDraftKeeper({ outbox: async () => outbox, early });
      keeper.save(draft({ q_area: "area_3" }), true);
      await keeper.settle("ward-resident");
      expect(outbox.putDraft).toHaveBeenCalled();
      expect(early.clear).not.toHaveBeenCalled();
    });
  });
});

const never = (): Promise<Outbox> => Promise.reject(new Error("no outbox is opened for a read"));
