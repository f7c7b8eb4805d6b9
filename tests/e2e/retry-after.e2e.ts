import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { seedResponses } from "../../harness/fixtures/ward-responses";
import { seedOutbox } from "../../harness/phone-outbox";
import { fireBackgroundSync } from "./support/background-sync";
import { storedRecords, waitForServiceWorker } from "./support/respondent";
import { useCollectorBehindProxy } from "./support/suite";

const QUEUED = 5;
/** Long enough for the other runners to be asked well within it, short enough for a test. */
const RETRY_AFTER_S = 8;

const sendNow = (page: Page) => page.getByRole("button", { name: "今すぐ送信" });

// The collector answers 503 with Retry-After: the page that was told, a second tab that opens during
// the wait and the service worker's Background Sync (fired as when the network returns) all keep to
// it, as they share one not-before time in the outbox (src/sync/not-before.ts). Arrival times are
// taken at the proxy, the server side of the wire.
// (Checked to fail: built from src/sync and src/sw.ts as they were before the shared time, the next
// POST came 57 ms after the 503: the Background Sync the failed page asked for; with it, 8,050 ms after.)
describe("a collector's Retry-After, with the service worker active", () => {
  const net = useCollectorBehindProxy();
  let context: BrowserContext;
  beforeAll(async () => {
    context = await phoneContext(net.browser);
  });

  it("no runner posts again before the wait the collector asked for is over", async () => {
    const tabA = await context.newPage();
    await tabA.goto(`${net.proxy.origin}/settings`);
    await waitForServiceWorker(tabA);
    await sendNow(tabA).waitFor();
    net.proxy.down = true;
    net.proxy.retryAfterSeconds = RETRY_AFTER_S;
    // Residents' own answers: a kiosk's would need its tablet's device token.
    await seedOutbox(
      tabA,
      seedResponses(QUEUED).map((response) => ({ ...response, mode: "self" as const })),
    );

    await sendNow(tabA).click();
    await expect.poll(() => net.proxy.arrivals.length).toBeGreaterThan(0);
    // The collector is ready again as soon as the wait it asked for is over.
    net.proxy.down = false;
    const [refused] = net.proxy.arrivals;
    expect(refused?.answered).toBe(503);
    const waitEnds = (refused?.at ?? 0) + RETRY_AFTER_S * 1000;

    // Within the wait every other runner is asked to send: Background Sync, and a second tab whose
    // engine syncs as it starts.
    await fireBackgroundSync(context, tabA, net.proxy.origin);
    const tabB = await context.newPage();
    await tabB.goto(`${net.proxy.origin}/settings`);
    await sendNow(tabB).waitFor();

    await expect
      .poll(async () => (await storedRecords(tabA)).filter((r) => r.state === "sent").length, {
        timeout: 60_000,
      })
      .toBe(QUEUED);
    const after = net.proxy.arrivals.slice(1).map((arrival) => arrival.at - (refused?.at ?? 0));
    console.log(
      `Retry-After ${RETRY_AFTER_S} s: ${net.proxy.arrivals.length} POSTs, the ones after the 503 at +${after.join(", +")} ms`,
    );
    expect(net.proxy.arrivals.slice(1).filter((arrival) => arrival.at < waitEnds)).toEqual([]);
    // Not asserted here: that the early Background Sync's registration is still pending. Chromium
    // may fire it again once the wait is over and it then succeeds and is gone (a clean CI run saw
    // no tag left); tests/sync/not-before.test.ts checks that an early sync event rejects.
  });
});
