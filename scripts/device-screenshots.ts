// Screenshots of what a device says about its answers (issue 26) for docs/screenshots/device/: the
// resident's status bar, the way staff reach /settings, an http:// endpoint refused, the answers the
// collector did not take (phone, and the kiosk's staff panel at tablet size), a collector that is not
// accepting, and the dashboard's breakdown chart. Japanese, phone 390×844 and tablet 820×1180.
// Needs a build (npx vite build); starts its own collector:  npx tsx scripts/device-screenshots.ts
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { ORGANIZER_TOKEN } from "../harness/collector";
import { enrollmentLink, enrolOverHttp } from "../harness/fixtures/kiosk-enrolment";
import { seedResponses } from "../harness/fixtures/ward-responses";
import { freePort } from "../harness/free-port";
import { seedOutbox } from "../harness/phone-outbox";
import { WatchingProxy } from "../harness/watching-proxy";
import { withCollectorAndChromium } from "../harness/with-collector-and-chromium";

const OUT = "docs/screenshots/device";
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const PIN = "2468";

const page = async (browser: Browser, viewport = PHONE, locale = "ja-JP") =>
  (await browser.newContext({ locale, viewport })).newPage();

async function post(origin: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${origin}/api/v1${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token && { Authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return await res.json();
}

/** A question with the status bar below it, in Japanese and in やさしい日本語. */
async function statusBar(browser: Browser, origin: string) {
  const p = await page(browser);
  await p.goto(`${origin}/s/ward-resident`);
  await p.locator(".intro .button--primary").click();
  await p.locator("form.question").waitFor();
  await p.screenshot({ path: `${OUT}/phone-ja-question.png`, fullPage: true });
  await p.locator(".app-header select").selectOption("ja-x-easy");
  await p.locator(".status-bar").getByText("つながって います").waitFor();
  await p.screenshot({ path: `${OUT}/phone-ja-x-easy-question.png`, fullPage: true });
  await p.context().close();
}

/** The dashboard's link to the device's settings, and an http:// endpoint refused there. */
async function settings(browser: Browser, origin: string) {
  const p = await page(browser);
  await p.goto(`${origin}/dashboard`);
  await p.locator(".page-footer a").waitFor();
  await p.screenshot({ path: `${OUT}/phone-ja-dashboard-settings-link.png`, fullPage: true });
  await p.locator(".page-footer a").click();
  await p.locator("#endpoint").fill("http://collector.example.jp/api/v1");
  await p.locator(".settings form button[type=submit]").click();
  await p.locator("#endpoint-feedback").filter({ hasText: "CSP" }).waitFor();
  await p.screenshot({ path: `${OUT}/phone-ja-settings-insecure.png` });
  await p.context().close();
}

/** A conflict and a rejected answer on a phone: the status bar's link and the page it leads to. */
async function held(browser: Browser, origin: string) {
  const p = await page(browser);
  await p.goto(`${origin}/settings`);
  await p.locator(".status-bar button").waitFor();
  const [mine, old] = seedResponses(2);
  if (!mine || !old) throw new Error("no seed");
  await post(origin, "/responses", {
    responses: [{ ...mine, answers: { ...mine.answers, q_disaster_prep: "yes" } }],
  });
  await seedOutbox(p, [mine, { ...old, surveyVersion: 99 }]);
  await p.locator(".status-bar button").click();
  await p.locator(".status-bar a[href='/held']").click();
  await p.locator("[data-held]").nth(1).waitFor();
  await p.screenshot({ path: `${OUT}/phone-ja-held.png`, fullPage: true });
  await p.context().close();
}

/** The status bar while the collector answers 503 with Retry-After. */
async function serverWait(browser: Browser, origin: string) {
  const proxy = new WatchingProxy(await freePort(), origin);
  await proxy.start();
  try {
    const p = await page(browser);
    // /settings opens the outbox at once; the answers are then seen on the survey's page.
    await p.goto(`${proxy.origin}/settings`);
    await p.locator("#device-summary").waitFor();
    proxy.down = true;
    proxy.retryAfterSeconds = 120;
    await seedOutbox(p, seedResponses(3, Date.now() + 10_000));
    await p.goto(`${proxy.origin}/s/ward-resident`);
    await p.locator(".intro").waitFor();
    await p.locator(".status-bar button").click();
    await p.locator("[data-testid=server-wait]").waitFor();
    await p.screenshot({ path: `${OUT}/phone-ja-server-wait.png`, fullPage: true });
    await p.context().close();
  } finally {
    await proxy.stop();
  }
}

/** The kiosk's staff panel with a rejected answer, at tablet size. */
async function kiosk(browser: Browser, origin: string) {
  const kiosk = await enrolOverHttp(origin, ORGANIZER_TOKEN, "ward-resident", {
    name: "防災訓練（北小学校）",
    place: "北小学校 体育館",
    date: "2026-09-01",
    label: "受付",
  });
  const p = await page(browser, TABLET);
  await p.goto(enrollmentLink(origin, kiosk));
  await p.locator("#new-pin").fill(PIN);
  await p.locator("#new-pin-again").fill(PIN);
  await p.locator(".enroll button[type=submit]").click();
  await p.locator(".kiosk .intro").waitFor();
  const [seed] = seedResponses(1, Date.now() + 20_000);
  if (!seed) throw new Error("no seed");
  await seedOutbox(p, [
    { ...seed, surveyVersion: 99, mode: "kiosk", eventId: kiosk.eventId, deviceId: kiosk.deviceId },
  ]);
  await p.locator(".kiosk__staff").click();
  await p.locator("#staff-pin").fill(PIN);
  await p.locator(".kiosk-pin button[type=submit]").click();
  await p.locator(".staff-panel .button--primary").first().click();
  await p.locator("[data-held]").waitFor();
  await p.screenshot({ path: `${OUT}/tablet-ja-staff-panel-held.png`, fullPage: true });
  await p.context().close();
}

/** The first indicator's breakdown by area, chart beside table. */
async function chart(browser: Browser, origin: string) {
  const responses = seedResponses(60, Date.UTC(2026, 5, 1)).map((r, i) => ({
    ...r,
    answers: {
      ...r.answers,
      q_area: ["area_01", "area_02", "area_03"][i % 3],
      q_disaster_prep: i % 5 < 3 ? "yes" : "no",
    },
  }));
  await post(origin, "/responses", { responses });
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["tablet", TABLET],
  ] as const) {
    const p = await page(browser, viewport);
    await p.goto(`${origin}/dashboard`);
    await p.locator("#organizer-token").fill(ORGANIZER_TOKEN);
    await p.locator(".token-form button[type=submit]").click();
    await p.locator("article.indicator").first().waitFor();
    await p.getByTestId("breakdown").selectOption("q_area");
    await p.locator("article.indicator .bar-chart__target-label").first().waitFor();
    await p
      .locator("article.indicator")
      .first()
      .screenshot({ path: `${OUT}/${size}-ja-dashboard-chart.png` });
    await p.context().close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await withCollectorAndChromium(async (collector, browser) => {
    for (const [name, shoot] of Object.entries({ statusBar, settings, held, serverWait, kiosk, chart })) {
      await shoot(browser, collector.origin);
      console.log(`${name}: done`);
    }
  });
}

await main();
