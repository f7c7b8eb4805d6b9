import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium";
import { surveyAssets } from "../../src/build/survey-assets";
import { uuidv7 } from "../../src/domain/uuid";
import { createApp } from "../../src/server/app";
import { DEFAULT_INTAKE_LIMITS } from "../../src/server/responses/intake";
import { createKyselyStorage, openSqlite, type Storage } from "../../src/server/storage";
import { loadSurveyRegistry } from "../../src/server/surveys";
import { type CspViolation, watchCsp } from "./support/csp";
import { XSS_PAYLOADS } from "./support/xss-payloads";

// 200 XSS payloads in a survey's text (every title, label and description, in every locale) and in
// 200 residents' free-text answers, rendered by the respondent form and the dashboard in Chromium and
// exported as CSV: no payload ever runs (each would call a binding), none becomes markup, and the
// page raises no Content-Security-Policy violation (an injected inline handler would raise one
// even where the policy stopped it).
const TOKEN = "xss-organizer-token";
const SURVEY_ID = "xss-test";

/** ward-resident with every text replaced by payloads, round-robin, and one option per payload. */
function hostileDefinition(): Record<string, unknown> {
  const def = JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")) as Record<string, unknown>;
  let next = 0;
  const payload = () => XSS_PAYLOADS[next++ % XSS_PAYLOADS.length] as string;
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      if (key && ["title", "description", "label", "help", "unit"].includes(key))
        return Object.fromEntries(Object.keys(obj).map((locale) => [locale, payload()]));
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  const locales = def.locales as string[];
  const everywhere = (text: string) => Object.fromEntries(locales.map((l) => [l, text]));
  const hostile = walk(def) as { questions: Record<string, unknown>[] } & Record<string, unknown>;
  // Every payload also as an option label in English, so that all 200 are on screen in one locale.
  hostile.questions.splice(1, 0, {
    id: "q_xss_options",
    kind: "multiple",
    label: everywhere(payload()),
    options: XSS_PAYLOADS.map((p, i) => ({ id: `opt_${i}`, label: everywhere(p) })),
  });
  // A survey of its own at its version 1, whatever version the shipped one it is made from has.
  return { ...hostile, id: SURVEY_ID, version: 1 };
}

function hostileResponses(n: number) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    id: uuidv7(now - i * 1000),
    surveyId: SURVEY_ID,
    surveyVersion: 1,
    submittedAt: new Date(now - i * 1000).toISOString(),
    locale: "en",
    mode: "self",
    answers: {
      q_area: `area_${String(1 + (i % 14)).padStart(2, "0")}`,
      q_xss_options: [`opt_${i}`],
      q_disaster_prep: ["yes", "no", "dont_know"][i % 3],
      q_info_reach: "feel",
      q_watch_over: "somewhat",
      q_comment: XSS_PAYLOADS[i % XSS_PAYLOADS.length],
    },
  }));
}

describe("XSS payloads in survey text and answers", () => {
  let storage: Storage;
  let server: ReturnType<typeof serve>;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csp: { violations: CspViolation[]; console: string[] };
  const fired: string[] = [];
  let assets: Map<string, string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsunagu-xss-"));
    const surveysDir = join(dir, "surveys");
    mkdirSync(surveysDir);
    const def = hostileDefinition();
    writeFileSync(join(surveysDir, `${SURVEY_ID}.json`), JSON.stringify(def));
    assets = new Map(
      surveyAssets([{ file: `${SURVEY_ID}.json`, text: JSON.stringify(def) }]).map((a) => [
        `/${a.fileName}`,
        a.json,
      ]),
    );
    storage = createKyselyStorage(openSqlite(join(dir, "tsunagu.sqlite")), "sqlite");
    await storage.migrate();
    const app = createApp({
      storage,
      surveys: loadSurveyRegistry([surveysDir]),
      organizerToken: TOKEN,
      log: () => {},
      staticDir: join(process.cwd(), "dist"),
      // 200 answers from 127.0.0.1 in one request: far beyond one address's hourly limit, which has
      // tests of its own (tests/server/intake.test.ts); here they must all be counted and exported.
      intakeLimits: { ...DEFAULT_INTAKE_LIMITS, addressCounted: 1_000_000, addressStored: 1_000_000 },
    });
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stored = await fetch(`${origin}/api/v1/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: hostileResponses(200) }),
    });
    const results = ((await stored.json()) as { results: { status: string; error?: string }[] }).results;
    expect(results.filter((r) => r.status !== "accepted")).toEqual([]);

    browser = await launchChromium();
    // The service worker would answer /surveys/ from its precache; blocked, the page's requests reach
    // the routes below, which publish the hostile definition exactly as the build would.
    context = await browser.newContext({
      locale: "en-US",
      serviceWorkers: "block",
      viewport: { width: 1024, height: 900 },
    });
    await context.exposeBinding("__xss", (_source, n: unknown) => {
      fired.push(String(n));
    });
    csp = await watchCsp(context);
    await context.route(/\/surveys\/[^/]+\.json$/, (route) => {
      const body = assets.get(new URL(route.request().url()).pathname);
      return body ? route.fulfill({ body, contentType: "application/json" }) : route.continue();
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await storage?.close();
  });

  /** Markup a payload would have made, had any text been parsed as HTML. */
  const injectedMarkup = () =>
    page.evaluate(
      () =>
        document.querySelectorAll(
          "#app script, #app iframe, #app object, #app embed, #app svg[onload], #app [onerror], #app [onload], #app [onfocus], #app [ontoggle], #app base, #app meta, #app template, #app math, #app a[href^='javascript']",
        ).length,
    );

  it("the respondent form shows every payload as text", async () => {
    await page.goto(`${origin}/s/${SURVEY_ID}`);
    // The detector works: a call from the page reaches the test.
    await page.evaluate(() => (window as unknown as { __xss(n: string): Promise<void> }).__xss("control"));
    expect(fired.splice(0)).toEqual(["control"]);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("radio").first().waitFor();
    expect(await injectedMarkup()).toBe(0);
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByRole("checkbox").first().waitFor();
    // All 200 payloads are on this screen as option labels, as plain text.
    const labels = await page.locator("label").allTextContents();
    for (const p of XSS_PAYLOADS) expect(labels.some((l) => l.includes(p.trim()))).toBe(true);
    await page.getByRole("checkbox").nth(7).check();
    expect(await injectedMarkup()).toBe(0);
  });

  it("the dashboard renders hostile labels and breakdowns as text", async () => {
    await page.goto(`${origin}/dashboard`);
    await page.locator("#organizer-token").fill(TOKEN);
    await page.locator("form button[type=submit]").first().click();
    await page.locator("article.indicator").first().waitFor();
    const selects = page.locator("select");
    await selects.last().selectOption({ index: 1 }); // a breakdown: group labels are payloads too
    await page
      .locator("article.indicator table, article.indicator .groups")
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await page.waitForLoadState("networkidle");
    expect(await injectedMarkup()).toBe(0);
    const text = await page.locator("#app").textContent();
    expect(text).toContain("__xss("); // the payloads are there, as text
    // Every other screen of the dashboard draws the survey's labels too (trend, review, versions...).
    for (const link of await page.locator(".dashboard-nav a").all()) {
      await link.click();
      await page.waitForLoadState("networkidle");
      expect(await injectedMarkup()).toBe(0);
    }
    await page.locator(".dashboard-nav a").first().click();
  });

  it("exports the answers as a CSV download that Chromium does not render, formulas defused", async () => {
    const res = await fetch(`${origin}/api/v1/surveys/${SURVEY_ID}/responses.csv`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const csv = await res.text();
    for (const p of XSS_PAYLOADS)
      expect(csv.includes(p.replaceAll('"', '""')) || csv.includes(`'${p.replaceAll('"', '""')}`)).toBe(true);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m); // a cell that would run as a formula starts with '
    // The dashboard's own download button, in the page: still nothing runs.
    const download = page.waitForEvent("download", { timeout: 15_000 }).catch(() => undefined);
    await page.getByRole("button", { name: /responses \(CSV\)/ }).click();
    await download;
  });

  it("ran no payload and raised no CSP violation anywhere", () => {
    expect(fired).toEqual([]);
    expect(csp.violations).toEqual([]);
    expect(csp.console).toEqual([]);
  });
});
