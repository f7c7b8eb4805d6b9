import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { enrollmentLink, enrolOverHttp } from "../../harness/fixtures/kiosk-enrolment";
import { seedResponses } from "../../harness/fixtures/ward-responses";
import { seedOutbox } from "../../harness/phone-outbox";
import { readBackup } from "../../src/contract/backup";
import ja from "../../src/i18n/catalogues/ja";
import staffJa from "../../src/i18n/staff/ja";
import { storedRecords } from "./support/respondent";
import { useCollectorAndChromium, useCollectorBehindProxy } from "./support/suite";

const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ");
const sendNow = (page: Page) => page.getByRole("button", { name: ja.status.syncNow });
const statusBar = async (page: Page) => squash(await page.locator(".status-bar").textContent());

/** Posts straight to the collector, as another device would have. */
async function postToCollector(origin: string, responses: unknown[]): Promise<void> {
  const answer = await fetch(`${origin}/api/v1/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ responses }),
  });
  expect(answer.status).toBe(200);
}

// Issue 26, item 2: what the device does not say when sending fails. At 390 px: an answer the
// collector refused names what it answered and offers what can be done; a collector that answers
// 503 is said to be not accepting, with the time of the next try; an http:// endpoint is refused
// when saved, with why. At tablet size: the kiosk's staff panel lists the refused answers too.
// (Checked to fail: built from the app as it was, the status bar said 「要確認 1 件」 with no link
// and no page to read it on, said only 「オンライン 未送信 5 件」 while the collector answered 503,
// and /settings answered 「保存しました。」 to http://collector.example.jp/api/v1.)
describe("answers the collector did not take, at 390 px", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await phoneContext(env.browser, { acceptDownloads: true });
    page = await context.newPage();
  });

  it("says what the collector answered for each, keeps a conflicting one as new, and exports a rejected one", async () => {
    await page.goto(`${env.collector.origin}/settings`);
    await sendNow(page).waitFor();
    const [mine, old] = seedResponses(2);
    if (!mine || !old) throw new Error("no seed");
    // The collector holds `mine`'s id with other answers (another device, a restored backup...).
    const other = mine.answers.q_disaster_prep === "yes" ? "no" : "yes";
    await postToCollector(env.collector.origin, [
      { ...mine, answers: { ...mine.answers, q_disaster_prep: other } },
    ]);
    const unknownVersion = { ...old, surveyVersion: 99 };
    await seedOutbox(page, [mine, unknownVersion]);
    await sendNow(page).click();

    const link = page.locator(".status-bar").getByRole("link", { name: "確認が必要な回答 2 件" });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.waitForURL(`${env.collector.origin}/held`);
    await page.getByRole("heading", { name: ja.held.title }).waitFor();
    const conflict = page.locator(`[data-held="${mine.id}"]`);
    const rejected = page.locator(`[data-held="${old.id}"]`);
    await conflict.waitFor();
    // What the collector answered, in words, and what to do about it.
    for (const item of [conflict, rejected]) {
      const text = squash(await item.textContent());
      expect(text).toMatch(new RegExp(`${ja.held.collectorSaid}\\s*\\S`));
    }
    expect(squash(await conflict.textContent())).toContain(ja.held.conflictHelp);
    expect(squash(await rejected.textContent())).toContain(ja.held.rejectedHelp);
    expect(await rejected.getByRole("button", { name: ja.held.keepAsNew }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      rejected.getByRole("button", { name: ja.held.export }).click(),
    ]);
    const file = await readBackup(await readFile((await download.path()) as string, "utf8"));
    expect(file.items.map((i) => [(i.response as { id: string }).id, i.state])).toEqual([
      [old.id, "rejected"],
    ]);
    await rejected.getByText(ja.held.exported).waitFor();

    await conflict.getByRole("button", { name: ja.held.keepAsNew }).click();
    await page.getByText(ja.held.kept).waitFor();
    await page.locator(".status-bar").getByRole("link", { name: "確認が必要な回答 1 件" }).waitFor();
    // Sent under a new id with the same answers; the collector keeps what it held under the old one.
    await expect
      .poll(async () => (await storedRecords(page)).filter((r) => r.state === "sent").length, {
        timeout: 30_000,
      })
      .toBe(1);
    const records = await storedRecords(page);
    const kept = records.find((r) => r.state === "sent");
    expect(kept?.id).not.toBe(mine.id);
    expect(kept?.response.answers).toEqual(mine.answers);
    expect(records.some((r) => r.id === mine.id)).toBe(false);
    await page.locator(`[data-held="${mine.id}"]`).waitFor({ state: "detached" });
  });

  it("refuses an http:// endpoint when it is saved, saying why, and keeps the one before", async () => {
    await page.goto(`${env.collector.origin}/settings`);
    const field = page.getByLabel(ja.settings.endpointLabel);
    await expect.poll(() => field.inputValue()).toBe(`${env.collector.origin}/api/v1`);
    await field.fill("http://collector.example.jp/api/v1");
    await page.getByRole("button", { name: ja.settings.save }).click();
    await page.getByText(ja.settings.insecure).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await page.reload();
    await expect.poll(() => field.inputValue()).toBe(`${env.collector.origin}/api/v1`);
    // The page's own origin is reachable over http (development, this test's collector).
    await field.fill(`${env.collector.origin}/api/v1/`);
    await page.getByRole("button", { name: ja.settings.save }).click();
    await page.getByText(ja.settings.saved).waitFor();
  });
});

describe("a collector that is not accepting, at 390 px", () => {
  const net = useCollectorBehindProxy();
  let context: BrowserContext | undefined;
  afterAll(async () => await context?.close());

  it("says so in the status bar, with the time of the next try, until it takes the answers", async () => {
    context = await phoneContext(net.browser);
    const page = await context.newPage();
    await page.goto(`${net.proxy.origin}/settings`);
    await sendNow(page).waitFor();
    net.proxy.down = true;
    net.proxy.retryAfterSeconds = 120;
    await seedOutbox(page, seedResponses(3));
    await sendNow(page).click();
    const wait = page.getByTestId("server-wait");
    await wait.waitFor({ timeout: 30_000 });
    const refusedAt = net.proxy.arrivals[0]?.at ?? Date.now();
    const expected = await page.evaluate(
      (at) => new Intl.DateTimeFormat("ja", { timeStyle: "short" }).format(at),
      refusedAt + 120_000,
    );
    expect(await wait.textContent()).toBe(ja.status.serverWait.replace("{{time}}", expected));
    expect(await statusBar(page)).toContain("未送信 3 件");

    // A person's "send now" goes through the wait; the collector takes them and the words go.
    net.proxy.down = false;
    await sendNow(page).click();
    await page.locator(".status-bar").getByText("未送信 0 件").waitFor({ timeout: 30_000 });
    await wait.waitFor({ state: "detached" });
  });
});

describe("the kiosk's staff panel at tablet size", () => {
  const env = useCollectorAndChromium();

  it("lists a refused answer with what the collector answered and what staff can do", async () => {
    const kiosk = await enrolOverHttp(env.collector.origin, ORGANIZER_TOKEN, "ward-resident", {
      name: "防災訓練",
      place: "北小学校",
      date: "2026-09-01",
      label: "受付",
    });
    const link = enrollmentLink(env.collector.origin, kiosk);
    const tablet = await (
      await env.browser.newContext({ locale: "ja-JP", viewport: { width: 820, height: 1180 } })
    ).newPage();
    await tablet.goto(link);
    await tablet.locator("#new-pin").fill("2468");
    await tablet.locator("#new-pin-again").fill("2468");
    await tablet.locator(".enroll button[type=submit]").click();
    await tablet.locator(".kiosk .intro").waitFor();

    // A kiosk answer to a version the collector does not have: rejected, with the tablet's token.
    const [seed] = seedResponses(1);
    if (!seed) throw new Error("no seed");
    const answer = {
      ...seed,
      surveyVersion: 99,
      mode: "kiosk" as const,
      eventId: kiosk.eventId,
      deviceId: kiosk.deviceId,
    };
    await seedOutbox(tablet, [answer]);
    await tablet.locator(".kiosk__staff").click();
    await tablet.locator("#staff-pin").fill("2468");
    await tablet.locator(".kiosk-pin button[type=submit]").click();
    await tablet.getByRole("heading", { name: staffJa.staff.title }).waitFor();
    await tablet.getByRole("button", { name: ja.status.syncNow }).click();

    const item = tablet.locator(`[data-held="${answer.id}"]`);
    await item.waitFor({ timeout: 30_000 });
    await tablet.getByRole("heading", { name: ja.held.title }).waitFor();
    const text = squash(await item.textContent());
    expect(text).toMatch(new RegExp(`${ja.held.collectorSaid}\\s*\\S`));
    expect(text).toContain(ja.held.rejectedHelp);
    await item.getByRole("button", { name: ja.held.export }).waitFor();
    expect(await tablet.locator('[data-fact="held"]').textContent()).toBe("1");
  });
});
