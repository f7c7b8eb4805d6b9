import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fireBackgroundSync } from "./support/background-sync";
import { launchChromium, phoneContext } from "./support/browser";
import { Collector, freePort } from "./support/collector";
import { csvRows, storedIds } from "./support/collector-checks";
import { storedRecords, waitForServiceWorker } from "./support/respondent";
import { seedOutbox, seedResponses } from "./support/seed";
import { WatchingProxy } from "./support/watching-proxy";

const QUEUED = 600;

// Two tabs and the service worker all start a sync of the same outbox at the same moment: the Web
// Lock "tsunagu-sync" lets one run at a time, so no request overlaps another and no id is posted twice.
// (Checked to fail: with navigator.locks removed from the tabs, 3 POSTs were in flight at once.)
describe("two tabs and the service worker syncing at once", () => {
  let collector: Collector;
  let proxy: WatchingProxy;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    collector = new Collector(await freePort());
    await collector.start();
    proxy = new WatchingProxy(await freePort(), collector.origin);
    await proxy.start();
    browser = await launchChromium();
    context = await phoneContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.stop();
    await collector?.stop();
  });

  it("never runs two syncs at once, posts each id once, and the collector holds each once", async () => {
    const tabA = await context.newPage();
    await tabA.goto(`${proxy.origin}/`);
    await waitForServiceWorker(tabA);
    // The collector is "down" while the queue fills, as after a day at an event without network.
    proxy.down = true;
    const seeded = seedResponses(QUEUED);
    await seedOutbox(tabA, seeded);
    const tabB = await context.newPage();
    await tabB.goto(`${proxy.origin}/settings`);
    await tabB.getByRole("button", { name: "今すぐ送信" }).waitFor();

    proxy.down = false;
    proxy.maxInFlight = 0;
    proxy.postsOfId.clear();
    proxy.posts = 0;
    await Promise.all([
      tabA.getByRole("button", { name: "今すぐ送信" }).click(),
      tabB.getByRole("button", { name: "今すぐ送信" }).click(),
      fireBackgroundSync(context, tabA, proxy.origin),
    ]);
    await expect
      .poll(async () => (await storedRecords(tabA)).filter((r) => r.state === "sent").length, {
        timeout: 120_000,
      })
      .toBe(QUEUED);

    expect(proxy.maxInFlight).toBe(1);
    const ids = seeded.map((r) => r.id);
    expect(ids.filter((id) => proxy.postsOfId.get(id) !== 1)).toEqual([]);
    expect((await storedIds(collector, ids)).size).toBe(QUEUED);
    const rows = await csvRows(collector);
    expect(rows).toHaveLength(QUEUED);
    console.log(
      `two tabs + service worker: ${QUEUED} queued, ${proxy.posts} POSTs, at most ${proxy.maxInFlight} in flight, ${rows.length} stored, 0 duplicates`,
    );
  });
});
