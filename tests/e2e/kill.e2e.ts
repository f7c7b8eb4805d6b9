import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { seedResponses } from "../../harness/fixtures/ward-responses";
import { seedOutbox } from "../../harness/phone-outbox";
import { Tallies } from "../../src/contract/tallies";
import { csvRows, storedIds } from "./support/collector-checks";
import { respondent, storedDraftSurveys, storedRecords } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

/** Kills the page's renderer, as a crash or the OS reclaiming a tab does: no unload, no cleanup. */
async function killRenderer(context: BrowserContext, page: Page): Promise<void> {
  const crashed = page.waitForEvent("crash");
  const cdp = await context.newCDPSession(page);
  void cdp.send("Page.crash").catch(() => {});
  await crashed;
  await page.close().catch(() => {});
}

/**
 * Starts the survey afresh, over a draft that an earlier kill left. Which button to press is read
 * from the outbox: the intro shows Start at once and reads the draft at its first idle moment, so a
 * Start seen first can still give way to Continue / Start over (respondent-page.tsx).
 */
async function startAfresh(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).waitFor();
  const draftKept = (await storedDraftSurveys(page)).includes("ward-resident");
  await page.getByRole("button", { name: draftKept ? "最初からやり直す" : "回答をはじめる" }).click();
}

/** When the renderer dies after "submit": at once, during the write, and after "thank you". */
const KILL_AFTER_MS = [0, 2, 10, 40, 250];

// The device's promise under the worst timing: a response the respondent was told is saved is still
// there after the tab dies, and reaches the collector exactly once.
describe("the page killed during a save and during a sync", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;

  beforeAll(async () => {
    // Only the page syncs here (no service worker), so each kill lands on the page's own work.
    context = await phoneContext(env.browser, { serviceWorkers: "block" });
  });

  const ids: string[] = [];

  it("during a save: every response shown as saved survives, and nothing is both stored and a draft", async () => {
    // Nothing is sent while this runs, so the outbox's count is exactly what was saved.
    await context.route("**/api/v1/responses", (route) => route.abort());
    let shown = 0;
    let stored = 0;
    // Kill at several moments after "submit": before, during and after the write.
    for (const waitMs of KILL_AFTER_MS) {
      const page = await context.newPage();
      const r = respondent(page);
      await page.goto(`${env.collector.origin}/s/ward-resident`);
      await startAfresh(page);
      await r.answerAll();
      await r.submit();
      if (waitMs > 0) await page.waitForTimeout(waitMs);
      const told = await r.thanks().isVisible();
      await killRenderer(context, page);

      const reopened = await context.newPage();
      await reopened.goto(`${env.collector.origin}/s/ward-resident`);
      await reopened.getByRole("heading", { level: 1 }).waitFor();
      await reopened
        .getByRole("button", { name: "回答をはじめる" })
        .or(reopened.getByRole("button", { name: "続きから回答する" }))
        .first()
        .waitFor();
      const records = await storedRecords(reopened);
      const saved = records.length > stored;
      // What the outbox holds, not what the intro shows yet: the app reads the draft at its first idle
      // moment, after it has drawn the intro with Start (respondent-page.tsx), and a count of the
      // Continue button taken before that read missed a draft that was there (CI on d28389e).
      const draftKept = (await storedDraftSurveys(reopened)).includes("ward-resident");
      if (told) shown++;
      // Told "saved": it is stored. Not told: either stored or still a draft, never lost, never both.
      if (told) expect(saved).toBe(true);
      expect(saved !== draftKept).toBe(true);
      // A draft kept is offered: the intro comes to say Continue.
      if (draftKept) await reopened.getByRole("button", { name: "続きから回答する" }).waitFor();
      expect(records.length).toBe(saved ? stored + 1 : stored);
      stored = records.length;
      await reopened.close();
    }
    expect(shown).toBeGreaterThan(0);
    expect(stored).toBeGreaterThanOrEqual(shown);
    console.log(`kill during save: ${KILL_AFTER_MS.length} kills, ${shown} shown as saved, ${stored} stored`);

    // The network returns: each stored response reaches the collector once.
    await context.unrouteAll();
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/`);
    await page.getByRole("button", { name: "今すぐ送信" }).click();
    await expect
      .poll(async () => (await storedRecords(page)).every((x) => x.state === "sent"), { timeout: 60_000 })
      .toBe(true);
    ids.push(...(await storedRecords(page)).map((x) => x.id));
    expect((await storedIds(env.collector, ids)).size).toBe(stored);
    const rows = await csvRows(env.collector);
    expect(rows).toHaveLength(stored);
    const tallies = Tallies.parse(await (await env.collector.api("/surveys/ward-resident/tallies")).json());
    expect(tallies.indicators.find((i) => i.id === "disaster_prep")?.n).toBe(stored);
    await page.close();
  });

  it("at the write itself: killed as the response is put, it is either stored or still a draft", async () => {
    await context.route("**/api/v1/responses", (route) => route.abort());
    const page = await context.newPage();
    const r = respondent(page);
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    const before = (await storedRecords(page)).length;
    await startAfresh(page);
    await r.answerAll("地域5");
    // The renderer dies from inside the put of the response: the transaction is in flight.
    let killing: Promise<void> | undefined;
    await page.exposeFunction("killNow", () => {
      killing = killRenderer(context, page);
    });
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        const request = put.apply(this, args);
        if (this.name === "responses") void (window as unknown as { killNow(): Promise<void> }).killNow();
        return request;
      };
    });
    await r.submit().catch(() => {});
    await expect.poll(() => killing !== undefined).toBe(true);
    await killing;

    const reopened = await context.newPage();
    await reopened.goto(`${env.collector.origin}/s/ward-resident`);
    await reopened
      .getByRole("button", { name: "回答をはじめる" })
      .or(reopened.getByRole("button", { name: "続きから回答する" }))
      .first()
      .waitFor();
    const saved = (await storedRecords(reopened)).length > before;
    // The store, not the intro's button, as in the case above.
    const draftKept = (await storedDraftSurveys(reopened)).includes("ward-resident");
    expect(saved !== draftKept).toBe(true);
    console.log(
      `kill at the write: ${saved ? "committed before the kill" : "not committed; the draft kept the answers"}`,
    );
    if (draftKept) await reopened.getByRole("button", { name: "最初からやり直す" }).click();
    await reopened.close();
    await context.unrouteAll();
  });

  it("during a sync: killed after the collector stored a batch but before the page heard back, then sent once", async () => {
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/`);
    const seeded = seedResponses(1_000);
    await seedOutbox(page, seeded);
    // The third batch reaches the collector and is stored; the page dies before reading the answer.
    let posts = 0;
    let killed: Promise<void> | undefined;
    await page.route("**/api/v1/responses", async (route) => {
      posts++;
      if (posts !== 3) return route.continue();
      await route.fetch();
      killed = killRenderer(context, page);
    });
    await page.reload();
    await expect.poll(() => killed !== undefined, { timeout: 60_000 }).toBe(true);
    await killed;
    const seededIds = seeded.map((r) => r.id);
    const atKill = (await storedIds(env.collector, seededIds)).size;
    // Mid-sync: some batches stored, most not. (Not exactly 300: a pass begun by the page before the
    // reload can take one of the first three POSTs, cut short by the reload.)
    expect(atKill).toBeGreaterThanOrEqual(100);
    expect(atKill).toBeLessThan(1_000);

    const reopened = await context.newPage();
    await reopened.goto(`${env.collector.origin}/`);
    // Everything on the device ends up sent: the 1000 and whatever the earlier kills left stored.
    await expect
      .poll(async () => (await storedRecords(reopened)).every((x) => x.state === "sent"), {
        timeout: 120_000,
      })
      .toBe(true);
    const onDevice = (await storedRecords(reopened)).length;
    expect(onDevice).toBeGreaterThanOrEqual(1_000 + ids.length);
    expect((await storedIds(env.collector, seededIds)).size).toBe(1_000);
    const rows = await csvRows(env.collector);
    const rowIds = rows.map((row) => row.split(",")[0]?.replace(/"/g, ""));
    expect(rows).toHaveLength(onDevice);
    expect(new Set(rowIds).size).toBe(rows.length);
    console.log(
      `kill during sync: 1000 queued, ${atKill} stored at the kill, 1000 stored after, 0 duplicates`,
    );
  });
});
