import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { latest, type Resource, type ResourceOptions, useResource } from "../../src/app/hooks/use-resource";

// Hooks run in Node: the probe draws nothing, so preact needs no document, only a root to own.
const root = { childNodes: [], firstChild: null, ownerDocument: {}, nodeType: 1 } as unknown as Element;
afterEach(() => act(() => render(null, root)));

interface Pending {
  key: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

function harness(options: ResourceOptions<string> = {}) {
  const pending: Pending[] = [];
  const seen: Resource<string>[] = [];
  const load = (key: string) => (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => pending.push({ key, signal, resolve, reject }));
  function Probe({ k }: { k: string | undefined }) {
    const [resource] = useResource(load(k ?? ""), k, options);
    seen.push(resource);
    return null;
  }
  const show = (k: string | undefined) => act(() => render(<Probe k={k} />, root));
  const settle = (i: number, outcome: string | Error) =>
    act(async () => {
      const p = pending[i] as Pending;
      if (outcome instanceof Error) p.reject(outcome);
      else p.resolve(outcome);
    });
  const now = () => seen[seen.length - 1] as Resource<string>;
  return { pending, seen, show, settle, now };
}

describe("useResource", () => {
  it("drops the answer of a key that is gone, and aborts its load", async () => {
    const h = harness();
    await h.show("a");
    await h.show("b");
    expect(h.pending.map((p) => [p.key, p.signal.aborted])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    await h.settle(0, "A");
    expect(h.now()).toEqual({ status: "loading" });
    await h.settle(1, "B");
    expect(h.now()).toEqual({ status: "ready", value: "B" });
  });

  it("with keep, holds the last value while the next loads and after it fails", async () => {
    const h = harness({ keep: true });
    await h.show("a");
    await h.settle(0, "A");
    await h.show("b");
    expect(h.now()).toEqual({ status: "loading", last: "A" });
    expect(latest(h.now())).toBe("A");
    const error = new Error("offline");
    await h.settle(1, error);
    expect(h.now()).toEqual({ status: "failed", error, last: "A" });
    expect(latest(h.now())).toBe("A");
  });

  it("without keep, has no value while the next loads", async () => {
    const h = harness();
    await h.show("a");
    await h.settle(0, "A");
    await h.show("b");
    expect(h.now()).toEqual({ status: "loading" });
    expect(latest(h.now())).toBeUndefined();
  });

  it("loads nothing for an undefined key, and forgets the value it had", async () => {
    const h = harness({ keep: true });
    await h.show(undefined);
    expect(h.pending).toHaveLength(0);
    await h.show("a");
    await h.settle(0, "A");
    await h.show(undefined);
    expect(h.pending).toHaveLength(1);
    expect(h.pending[0]?.signal.aborted).toBe(true);
    expect(h.now()).toEqual({ status: "loading" });
  });

  it("draws a value already in memory at once, without loading it", async () => {
    const h = harness({ ready: () => "in memory" });
    await h.show("a");
    expect(h.seen[0]).toEqual({ status: "ready", value: "in memory" });
    expect(h.pending).toHaveLength(0);
  });
});
