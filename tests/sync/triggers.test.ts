import { afterEach, describe, expect, it, vi } from "vitest";
import { attachTriggers, isPageVisible } from "../../src/sync/triggers";

afterEach(() => vi.unstubAllGlobals());

function fakePage() {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: "visible" });
  vi.stubGlobal("window", window);
  vi.stubGlobal("document", document);
  return { window, document };
}

describe("attachTriggers", () => {
  it("runs when the device comes online and when the page becomes visible, until detached", () => {
    const { window, document } = fakePage();
    const run = vi.fn();
    const detach = attachTriggers(run);
    window.dispatchEvent(new Event("online"));
    expect(run).toHaveBeenCalledTimes(1);
    document.visibilityState = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    expect(run).toHaveBeenCalledTimes(1);
    expect(isPageVisible()).toBe(false);
    document.visibilityState = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    expect(run).toHaveBeenCalledTimes(2);
    detach();
    window.dispatchEvent(new Event("online"));
    document.dispatchEvent(new Event("visibilitychange"));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("works where there is no window or document (a worker, Node)", () => {
    const detach = attachTriggers(() => {});
    expect(isPageVisible()).toBe(true);
    detach();
  });
});
