import { describe, expect, it } from "vitest";
import { singleFlight } from "../../src/sync/runner";

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("singleFlight", () => {
  it("runs one at a time and folds requests during a run into one more run", async () => {
    const runs: boolean[] = [];
    const gates = [deferred(), deferred()];
    const request = singleFlight(async (manual) => {
      runs.push(manual);
      await gates[runs.length - 1]?.promise;
    });
    const first = request(false);
    const second = request(false);
    const third = request(true);
    expect(runs).toEqual([false]);
    gates[0]?.resolve();
    await Promise.resolve();
    gates[1]?.resolve();
    await Promise.all([first, second, third]);
    expect(runs).toEqual([false, true]);
    await request(false);
    expect(runs).toEqual([false, true, false]);
  });
});
