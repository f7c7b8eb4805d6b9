import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANIZER_TOKEN } from "../../harness/collector";
import { Tallies } from "../../src/contract/tallies";
import type { SurveyDefinition } from "../../src/domain/definition";
import { tallyResponses } from "../../src/domain/event-tally";
import enMain from "../../src/i18n/catalogues/en";
import jaMain from "../../src/i18n/catalogues/ja";
import viMain from "../../src/i18n/catalogues/vi";
import staffEn from "../../src/i18n/staff/en";
import staffJa from "../../src/i18n/staff/ja";
import staffVi from "../../src/i18n/staff/vi";
import { axeViolations, type Violation } from "./support/axe";
import { watchCsp } from "./support/csp";
import { chooseLanguage } from "./support/language-switch";
import { storedRecords } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// The "done when", in Chromium at tablet size: an organizer enrolls a tablet from the
// dashboard's link; the event runs with the collector stopped; 20 residents answer in Japanese,
// English and Vietnamese, with idle resets between some; staff read the live tally; the collector
// comes back; the dashboard counts all 20.
const def = JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")) as SurveyDefinition;
// Each language's words as the tablet shows them: the respondent's and, loaded with the kiosk, staff's.
const ja = { ...jaMain, ...staffJa };
const en = { ...enMain, ...staffEn };
const vi = { ...viMain, ...staffVi };
const catalogues = { ja, en, vi } as const;
type Lang = keyof typeof catalogues;
const PIN = "2468";
const AREA = (def.questions.find((q) => q.id === "q_area") as { options: { id: string }[] }).options[2]
  ?.id as string;

/** The plan: who answers what, in which language. Options by id; labels come from the definition. */
const plan = Array.from({ length: 20 }, (_, i) => ({
  lang: (i < 8 ? "ja" : i < 14 ? "en" : "vi") as Lang,
  prep: ["yes", "no", "yes", "dont_know"][i % 4] as string,
  info: ["feel", "not_really", "somewhat", "not_at_all", "dont_know"][i % 5] as string,
  watch: ["feel", "somewhat", "not_at_all"][i % 3] as string,
}));

const optionLabel = (questionId: string, optionId: string, lang: Lang) => {
  const q = def.questions.find((x) => x.id === questionId);
  const o = q && "options" in q ? q.options.find((x) => x.id === optionId) : undefined;
  const label = o?.label[lang];
  if (!label) throw new Error(`no ${lang} label for ${questionId}.${optionId}`);
  return label;
};

describe("a kiosk at an event, offline, then synced", () => {
  const env = useCollectorAndChromium();
  let office: Page;
  let tabletContext: BrowserContext;
  let tablet: Page;
  let csp: Awaited<ReturnType<typeof watchCsp>>;
  let enrollmentLink = "";
  const violations = new Map<string, Violation[]>();

  beforeAll(async () => {
    const officeContext = await env.browser.newContext({
      locale: "ja-JP",
      viewport: { width: 1280, height: 900 },
    });
    office = await officeContext.newPage();
    tabletContext = await env.browser.newContext({
      locale: "ja-JP",
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
    });
    csp = await watchCsp(tabletContext);
    tablet = await tabletContext.newPage();
  });

  const axe = async (page: Page, screen: string) => violations.set(screen, await axeViolations(page));

  it("gives the organizer an enrollment link with its QR code on the dashboard", async () => {
    await office.goto(`${env.collector.origin}/dashboard/events`);
    await office.getByLabel(ja.dashboard.tokenLabel).fill(ORGANIZER_TOKEN);
    await office.getByRole("button", { name: ja.organizer.signIn, exact: true }).click();
    await office.getByRole("heading", { name: ja.events.title }).waitFor();
    // The resident link and its code are there before any event.
    await office.locator(`[data-qr-text="${env.collector.origin}/s/ward-resident"] svg`).waitFor();

    await office.getByLabel(ja.events.name, { exact: true }).fill("防災訓練");
    await office.getByLabel(ja.events.place, { exact: true }).fill("北小学校 体育館");
    await office.getByLabel(ja.events.date, { exact: true }).fill("2026-09-01");
    await office.getByRole("button", { name: ja.events.create }).click();
    await office.getByText("北小学校 体育館").waitFor();
    await office.getByLabel(ja.events.deviceLabel).fill("受付タブレット");
    await office.getByRole("button", { name: ja.events.addDevice }).click();

    const link = office.locator("[data-enrollment-link]");
    await link.waitFor();
    enrollmentLink = (await link.getAttribute("href")) ?? "";
    const [before, fragment] = enrollmentLink.split("#");
    expect(before).toBe(`${env.collector.origin}/enroll`);
    expect(new URLSearchParams(fragment).get("t")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The QR code encodes the same link.
    await office.locator(`[data-qr-text="${enrollmentLink}"] svg path`).waitFor();
    await axe(office, "dashboard events and devices");
  });

  it("enrolls the tablet from the link: PIN, persistent storage, kiosk mode", async () => {
    await tabletContext.clock.install();
    await tablet.goto(enrollmentLink);
    await tablet.getByRole("heading", { name: ja.enroll.title }).waitFor();
    // The fragment (and the token in it) is gone from the address bar at once.
    expect(tablet.url()).toBe(`${env.collector.origin}/enroll`);
    await tablet.getByText("防災訓練").waitFor();
    await axe(tablet, "enrollment");
    await tablet.getByLabel(ja.enroll.pin, { exact: true }).fill("12");
    await tablet.getByRole("button", { name: ja.enroll.start }).click();
    await tablet.getByText(ja.enroll.pinFormat).waitFor();
    await tablet.getByLabel(ja.enroll.pin, { exact: true }).fill(PIN);
    await tablet.getByLabel(ja.enroll.pinAgain, { exact: true }).fill(PIN);
    await tablet.getByRole("button", { name: ja.enroll.start }).click();
    await tablet.waitForURL(`${env.collector.origin}/kiosk`);
    await tablet.getByRole("button", { name: ja.intro.start }).waitFor();

    // The app and survey must be cached before the network goes.
    await tablet.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
        );
    });
    const stored = await tablet.evaluate(() => localStorage.getItem("tsunagu.kiosk"));
    expect(stored).toBe("1");
    // Neither the queue nor the settings are reachable: no status bar, every other page leads back.
    expect(await tablet.locator(".status-bar").count()).toBe(0);
    await tablet.goto(`${env.collector.origin}/settings`);
    await tablet.waitForURL(`${env.collector.origin}/kiosk`);
    await tablet.getByRole("button", { name: ja.intro.start }).waitFor();
    await axe(tablet, "kiosk start");
    // The token reached no log line of the collector.
    expect(env.collector.output).not.toContain(new URLSearchParams(enrollmentLink.split("#")[1]).get("t"));
  });

  const t = (lang: Lang) => catalogues[lang];
  const next = (lang: Lang) =>
    tablet.getByRole("button", { name: t(lang).respondent.next, exact: true }).click();
  const choose = async (lang: Lang, questionId: string, optionId: string) => {
    await tablet.getByLabel(optionLabel(questionId, optionId, lang), { exact: true }).check();
    await next(lang);
  };

  /** One resident's survey from the start screen to the review. */
  async function answer(lang: Lang, p: (typeof plan)[number]) {
    await tablet.getByRole("button", { name: t(lang).intro.start, exact: true }).click();
    for (let i = 0; i < 5; i++) await next(lang); // area, age, housing, children, years: optional
    await choose(lang, "q_disaster_prep", p.prep);
    if (p.prep === "yes") await next(lang); // which measures: optional
    await choose(lang, "q_info_reach", p.info);
    for (let i = 0; i < 3; i++) await next(lang); // sources, council, activities: optional
    await choose(lang, "q_watch_over", p.watch);
    await next(lang); // comment
    await tablet.getByRole("heading", { name: t(lang).review.title }).waitFor();
  }

  async function submit(lang: Lang) {
    await tablet.getByRole("button", { name: t(lang).review.submit, exact: true }).click();
    await tablet.getByRole("heading", { name: t(lang).thanks.title }).waitFor();
    await tablet.getByRole("button", { name: t(lang).kiosk.next }).click();
    await tablet.getByRole("button", { name: t(lang).intro.start, exact: true }).waitFor();
  }

  /**
   * A jump of fake time fires only the timers already set. Preact sets a screen's timer in an effect,
   * a frame after the render, and a busy machine can let the jump come first: then one more jump.
   */
  async function jumpUntil(ms: number, reached: () => Promise<boolean>) {
    for (let jump = 0; jump < 4; jump++) {
      await tablet.clock.fastForward(ms);
      await tablet.waitForTimeout(200);
      if (await reached()) return;
    }
    throw new Error(`still waiting after 4 jumps of ${ms} ms of fake time`);
  }

  async function idleReset(lang: Lang, screen?: string) {
    await tablet.getByRole("button", { name: t(lang).intro.start, exact: true }).click();
    await tablet.getByLabel(optionLabel("q_area", AREA, lang), { exact: true }).check();
    const dialog = tablet.getByRole("alertdialog");
    await jumpUntil(120_000, async () => (await dialog.count()) === 1);
    if (screen) await axe(tablet, screen);
    await jumpUntil(31_000, async () => (await dialog.count()) === 0);
    // The half-answered survey is gone: a fresh start shows the first question unanswered.
    await tablet.getByRole("button", { name: t(lang).intro.start, exact: true }).click();
    expect(await tablet.getByRole("radio", { checked: true }).count()).toBe(0);
    await tablet.getByRole("button", { name: t(lang).respondent.back }).click();
  }

  const heldOnTablet = () => storedRecords(tablet);

  it("collects 20 responses in three languages with the collector stopped, idle resets between some", async () => {
    await env.collector.stop();
    let current: Lang = "ja";
    for (const [i, p] of plan.entries()) {
      if (p.lang !== current) {
        await chooseLanguage(tablet, p.lang);
        current = p.lang;
        await tablet.getByRole("button", { name: t(current).intro.start, exact: true }).waitFor();
      }
      if (i === 3) await idleReset(current, "idle warning");
      if (i === 11 || i === 17) await idleReset(current);
      if (i === 6) {
        // "Continue" keeps the answers: the same resident goes on and submits.
        await answer(current, p);
        await jumpUntil(120_000, async () => (await tablet.getByRole("alertdialog").count()) === 1);
        await tablet.getByRole("button", { name: t(current).kiosk.continue }).click();
        await tablet.getByRole("heading", { name: t(current).review.title }).waitFor();
        await submit(current);
        continue;
      }
      await answer(current, p);
      await submit(current);
    }
    const held = await heldOnTablet();
    expect(held.map((r) => r.state)).toEqual(plan.map(() => "pending"));
    expect(new Set(held.map((r) => r.response.mode))).toEqual(new Set(["kiosk"]));
    expect(held.map((r) => r.response.locale).sort()).toEqual(plan.map((p) => p.lang).sort());
    expect(new Set(held.map((r) => r.response.deviceId)).size).toBe(1);
    expect(new Set(held.map((r) => r.response.eventId)).size).toBe(1);
  });

  const expected = () =>
    tallyResponses(
      def,
      plan.map((p, i) => ({
        id: `r${i}`,
        surveyId: def.id,
        surveyVersion: def.version,
        submittedAt: "2026-09-01T01:00:00.000Z",
        locale: p.lang,
        mode: "kiosk" as const,
        answers: { q_disaster_prep: p.prep, q_info_reach: p.info, q_watch_over: p.watch },
      })),
    );

  const fact = (name: string) => tablet.locator(`[data-fact="${name}"]`).textContent();

  it("shows staff the counts and the live tally behind the PIN, offline", async () => {
    const lang = "vi";
    await tablet.getByRole("button", { name: t(lang).kiosk.staff }).click();
    await tablet.getByLabel(t(lang).staff.pinLabel).fill("0000");
    await tablet.getByRole("button", { name: t(lang).staff.open }).click();
    await tablet.getByText(t(lang).staff.pinWrong).waitFor();
    await tablet.getByLabel(t(lang).staff.pinLabel).fill(PIN);
    await tablet.getByRole("button", { name: t(lang).staff.open }).click();
    await tablet.getByRole("heading", { name: t(lang).staff.title }).waitFor();
    // "Today" is the tablet's calendar day: a run that crossed midnight counts what came after it.
    const submitted = (await heldOnTablet()).map((r) => r.response.submittedAt);
    const today = await tablet.evaluate(
      (times) => times.filter((at) => new Date(at).toDateString() === new Date().toDateString()).length,
      submitted,
    );
    expect(submitted).toHaveLength(20);
    await expect.poll(() => fact("today")).toBe(String(today));
    expect(await fact("waiting")).toBe("20");
    expect(await fact("sent")).toBe("0");

    for (const indicator of expected()) {
      const row = tablet.locator(`tr[data-indicator="${indicator.id}"] .kiosk-tally__percent`);
      const shown =
        indicator.percent === null
          ? "—"
          : new Intl.NumberFormat("vi", {
              style: "percent",
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }).format(indicator.percent / 100);
      expect(await row.textContent()).toBe(shown);
    }
    // Hand check of one: 「している」 10 of the 15 who did not answer わからない.
    expect(expected().find((i) => i.id === "disaster_prep")).toMatchObject({ n: 15, positive: 10 });
    await axe(tablet, "staff panel");
  });

  it("ends the event offline without losing what was not sent", async () => {
    const lang = "vi";
    await tablet.getByRole("button", { name: t(lang).staff.end }).click();
    await tablet.getByText(t(lang).staff.endConfirm.replace("{{n}}", "20")).waitFor();
    await tablet.getByRole("button", { name: t(lang).staff.endYes, exact: true }).click();
    await tablet.waitForURL(`${env.collector.origin}/`);
    // Kiosk mode is over: the status bar (the queue) is back, and the 20 answers still wait there.
    await tablet.locator(".status-bar").waitFor();
    expect(await tablet.evaluate(() => localStorage.getItem("tsunagu.kiosk"))).toBeNull();
    expect((await heldOnTablet()).map((r) => r.state)).toEqual(plan.map(() => "pending"));
  });

  it("sends everything when the collector is back, with the device token, and the dashboard counts 20", async () => {
    const authorizations: string[] = [];
    tabletContext.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/api/v1/responses"))
        authorizations.push(request.headers().authorization ?? "");
    });
    await env.collector.start();
    await tablet.getByRole("button", { name: t("vi").status.syncNow }).click();
    await expect
      .poll(async () => (await heldOnTablet()).map((r) => r.state).join(), { timeout: 60_000 })
      .toBe(plan.map(() => "sent").join());
    const token = new URLSearchParams(enrollmentLink.split("#")[1]).get("t");
    expect(authorizations.length).toBeGreaterThan(0);
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${token}`]));

    const res = await env.collector.api("/surveys/ward-resident/tallies");
    const tallies = Tallies.parse(await res.json());
    const byId = Object.fromEntries(tallies.indicators.map((i) => [i.id, i]));
    // The tablet's tally is the collector's, but for what it hides below the minimum cell.
    for (const { suppressed, ...indicator } of expected()) {
      if (suppressed) expect(byId[indicator.id]?.n).toBe(indicator.n);
      else expect(byId[indicator.id]).toEqual(indicator);
    }
    expect(byId.watch_over?.n).toBe(20);

    await office.goto(`${env.collector.origin}/dashboard/indicators`);
    const card = office.locator("article.indicator").filter({ hasText: "近所で声かけ" }).first();
    const n = card.locator("dt", { hasText: ja.dashboard.n }).locator("xpath=following-sibling::dd[1]");
    await n.waitFor();
    expect(await n.textContent()).toBe("20");

    const csv = await (await env.collector.api("/surveys/ward-resident/responses.csv")).text();
    const rows = csv.split("\r\n").filter(Boolean).slice(1);
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.includes(",kiosk,"))).toBe(true);
  });

  it("has no axe violation on the kiosk, idle warning, staff panel and enrollment screens, and no CSP violation", () => {
    expect([...violations.keys()].sort()).toEqual(
      ["dashboard events and devices", "enrollment", "idle warning", "kiosk start", "staff panel"].sort(),
    );
    expect(Object.fromEntries(violations)).toEqual(
      Object.fromEntries([...violations.keys()].map((k) => [k, []])),
    );
    expect(csp.violations).toEqual([]);
  });
});
