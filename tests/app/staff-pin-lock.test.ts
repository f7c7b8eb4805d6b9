import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { checkStaffPin, loadKiosk, PIN_ATTEMPTS, PIN_LOCK_MS } from "../../src/app/device/kiosk";
import { getOutbox } from "../../src/app/device/outbox";
import { hashPin } from "../../src/app/device/pin";

describe("the staff PIN prompt", () => {
  it("waits a minute after repeated wrong PINs, even for the right one, then opens", async () => {
    await (await getOutbox()).setSetting("kiosk.state", {
      deviceId: "tablet-1",
      eventId: "bousai-fair",
      surveyId: "ward-resident",
      eventName: "防災訓練",
      pin: await hashPin("2468"),
      enrolledAt: "2026-09-01T00:00:00.000Z",
    });
    expect((await loadKiosk())?.eventId).toBe("bousai-fair");
    const t0 = 1_000_000;
    expect(await checkStaffPin("2468", t0)).toEqual({ kind: "ok" });
    for (let i = 1; i < PIN_ATTEMPTS; i++) expect(await checkStaffPin("0000", t0)).toEqual({ kind: "wrong" });
    expect(await checkStaffPin("0000", t0)).toEqual({ kind: "locked", untilMs: t0 + PIN_LOCK_MS });
    expect((await checkStaffPin("2468", t0 + PIN_LOCK_MS - 1)).kind).toBe("locked");
    expect(await checkStaffPin("2468", t0 + PIN_LOCK_MS)).toEqual({ kind: "ok" });
    // A success resets the count: one wrong PIN later is only wrong.
    expect(await checkStaffPin("1111", t0 + PIN_LOCK_MS)).toEqual({ kind: "wrong" });
  });
});
