import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { seedResponses } from "../../harness/fixtures/ward-responses";
import { seedOutbox } from "../../harness/phone-outbox";
import { fireBackgroundSync } from "./support/background-sync";
import { csvRows, storedIds } from "./support/collector-checks";
import { storedRecords, waitForServiceWorker } from "./support/respondent";
import { useCollectorBehindProxy } from "./support/suite";

const QUEUED = 600;

// Two tabs and the service worker all start a sync of the same outbox at the same moment: the Web
// Lock "tsunagu-sync" lets one run at a time, so no request overlaps another and no id is posted twice.
// (Checked to fail: with navigator.locks removed from the tabs, 3 POSTs were in flight at once.)
describe("two tabs and the service worker syncing at once", () => {
  const net = useCollectorBehindProxy();
  let context: BrowserContext;
  beforeAll(async () => {
    context = await phoneContext(net.browser);
  });

  it("never runs two syncs at once, posts each id once, and the collector holds each once", async () => {
    const tabA = await context.newPage();
    await tabA.goto(`${net.proxy.origin}/`);
    await waitForServiceWorker(tabA);
    // The collector is "down" while the queue fills, as after a day at an event without network.
    net.proxy.down = true;
    const seeded = seedResponses(QUEUED);
    await seedOutbox(tabA, seeded);
    const tabB = await context.newPage();
    await tabB.goto(`${net.proxy.origin}/settings`);
    await tabB.getByRole("button", { name: "今すぐ送信" }).waitFor();

    net.proxy.down = false;
    net.proxy.maxInFlight = 0;
    net.proxy.postsOfId.clear();
    net.proxy.posts = 0;
    await Promise.all([
      tabA.getByRole("button", { name: "今すぐ送信" }).click(),
      tabB.getByRole("button", { name: "今すぐ送信" }).click(),
      fireBackgroundSync(context, tabA, net.proxy.origin),
    ]);
    await expect
      .poll(async () => (await storedRecords(tabA)).filter((r) => r.state === "sent").length, {
        timeout: 120_000,
      })
      .toBe(QUEUED);

    expect(net.proxy.maxInFlight).toBe(1);
    const ids = seeded.map((r) => r.id);
    expect(ids.filter((id) => net.proxy.postsOfId.get(id) !== 1)).toEqual([]);
    expect((await storedIds(net.collector, ids)).size).toBe(QUEUED);
    const rows = await csvRows(net.collector);
    expect(rows).toHaveLength(QUEUED);
    console.log(
      `two tabs + service worker: ${QUEUED} queued, ${net.proxy.posts} POSTs, at most ${net.proxy.maxInFlight} in flight, ${rows.length} stored, 0 duplicates`,
    );
  });
});
