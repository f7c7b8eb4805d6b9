// The Chromium figures of `npm run bench`: time to the first question under 4x CPU throttling
// against the bare page, submit → durably queued against a raw strict put, and draining 10,000
// queued responses against a raw POST loop. Each side runs in the same browser in the same run.

import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { build } from "vite";
import { createApp } from "../src/server/app";
import { DEFAULT_RATE_LIMIT } from "../src/server/http/rate-limit";
import { DEFAULT_INTAKE_LIMITS } from "../src/server/responses/intake";
import { securityHeaders } from "../src/server/http/security-headers";
import { createKyselyStorage, openSqlite, type Storage } from "../src/server/storage";
import { loadSurveyRegistry } from "../src/server/surveys";
import { launchChromium } from "../tests/e2e/support/browser";
import { median, medianRun } from "./median";
import { type CpuSample, withCpu } from "./process-cpu";

interface Served {
  origin: string;
  close(): Promise<void>;
}

export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/**
 * A collector on a fresh SQLite file, serving `staticDir`, with the production rate limit.
 * `withoutHeaders` are taken off its answers: the first question's figure is also measured without
 * COOP, to show what its process swap costs (browserBench).
 */
export async function collector(
  staticDir: string,
  withoutHeaders: readonly string[] = [],
): Promise<Served & { storage: Storage }> {
  const storage = createKyselyStorage(
    openSqlite(join(mkdtempSync(join(tmpdir(), "tsunagu-bench-")), "t.sqlite")),
    "sqlite",
  );
  await storage.migrate();
  const app = createApp({
    storage,
    surveys: loadSurveyRegistry(["surveys"]),
    organizerToken: "bench",
    log: () => {},
    staticDir,
    rateLimit: DEFAULT_RATE_LIMIT,
    // The drain sends 10,000 answers from 127.0.0.1: one address far past its hourly limit.
    intakeLimits: { ...DEFAULT_INTAKE_LIMITS, addressCounted: 1_000_000, addressStored: 1_000_000 },
  });
  const served = await listen(
    withoutHeaders.length === 0
      ? app.fetch
      : async (req) => {
          const res = await app.fetch(req);
          const headers = new Headers(res.headers);
          for (const name of withoutHeaders) headers.delete(name);
          return new Response(res.body, { status: res.status, headers });
        },
  );
  return {
    ...served,
    storage,
    close: async () => {
      await served.close();
      await storage.close();
    },
  };
}

/**
 * In the page, from navigation start: the start of the first frame in which a radio button is shown.
 * Tsunagu opens on an intro screen with a Start button, which this script presses itself
 * `pressDelayMs` after the first frame that shows it (0: at once, with no reaction time): the figure
 * is (Start shown) + (press → first question shown). "Shown" is checked at every frame
 * (checkVisibility, with visibility: hidden counted as hidden), not on DOM changes: the survey's
 * page has its first question in the HTML, hidden until Start's fragment link targets it, which
 * changes no node. Nothing of Playwright runs in the page while it loads (its locators inject
 * a selector engine into the page's main thread, which weighed on the slower page more than on the
 * faster one); the marks are read once the radio button is shown.
 */
// The script is a string, not a function: tsx names functions through a helper the page does not have.
export function marks(pressDelayMs = 0): string {
  return `(() => {
  const mark = {};
  window.__marks = mark;
  const START = ".intro .button--primary";
  const shown = (selector) => document.querySelector(selector)?.checkVisibility({ visibilityProperty: true }) === true;
  const frame = () => {
    if (mark.start === undefined && shown(START)) {
      mark.start = performance.now();
      // After this frame has been painted: the press a respondent could make at the earliest. The
      // button is looked up again: the app's first render may have replaced the HTML's.
      setTimeout(() => {
        mark.click = performance.now();
        mark.appRan = !document.getElementById("app")?.hasAttribute("data-first-screen");
        document.querySelector(START)?.click();
      }, ${pressDelayMs});
    }
    if (shown("input[type=radio]")) mark.radio = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}

// A string, not a function: tsx names arrow functions through a helper the page does not have.
// A page that never shows its radio button fails the run, saying how far it got, rather than hang it.
export const READ_MARKS = `new Promise((resolve, reject) => {
  const poll = setInterval(() => {
    const shown = window.__marks.radio !== undefined;
    if (!shown && performance.now() < 30000) return;
    clearInterval(poll);
    if (shown) resolve(window.__marks);
    else reject(new Error("no radio button shown 30 s after navigation start: marks " + JSON.stringify(window.__marks) + " on " + location.href));
  }, 50);
})`;

/** One page load: the figure, and of a page with Start, the press alone and whether the app had run by then. */
export interface FirstQuestionRun {
  ms: number;
  press?: { ms: number; appRan: boolean };
}

export async function firstQuestionRun(
  browser: Browser,
  url: string,
  withStart: boolean,
  pressDelayMs = 0,
): Promise<FirstQuestionRun> {
  const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
  await context.addInitScript(marks(pressDelayMs));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "commit" });
  const m = (await page.evaluate(READ_MARKS)) as Record<string, number> & { appRan?: boolean };
  await context.close();
  if (!withStart) return { ms: m.radio as number };
  if (m.start === undefined || m.click === undefined) throw new Error(`${url}: no Start button was seen`);
  const press = (m.radio as number) - m.click;
  return { ms: m.start + press, press: { ms: press, appRan: m.appRan === true } };
}

export async function firstQuestionMs(browser: Browser, url: string, withStart: boolean): Promise<number> {
  return (await firstQuestionRun(browser, url, withStart)).ms;
}

/** The bare page (bench/bare/) from a static server, plain or with every header the collector sets. */
export function bareServer(bareDist: string, withCollectorHeaders = false): Promise<Served> {
  const app = new Hono();
  if (withCollectorHeaders) app.use("*", securityHeaders());
  return listen(app.use("*", serveStatic({ root: bareDist })).fetch);
}

/** One timed sync pass: its time, where it went (overlapping), and the CPU each process spent. */
interface DrainRound {
  ms: number;
  take: number;
  post: number;
  apply: number;
  cpu: CpuSample;
}

export interface BrowserFigures {
  /**
   * The goal's pair (app as served, bare page from a plain static server), and beside it the two that
   * tell what the collector's headers cost: the app without COOP, the bare page with every header.
   */
  firstQuestion: {
    app: number;
    bare: number;
    appWithoutCoop: number;
    bareWithHeaders: number;
    runs: number;
    /** Every run of each side, in the order they alternated: run i of one beside run i of the others. */
    samples: { app: number[]; bare: number[]; appWithoutCoop: number[]; bareWithHeaders: number[] };
  };
  queue: { app: { p50: number; p99: number }; raw: { p50: number; p99: number }; n: number };
  /** After each sync pass, with `n` sent records kept: medians, and the page's first call alone. */
  status: { app: number; raw: number; first: number; firstLongestTask: number; n: number; reps: number };
  /** Medians over the rounds; the breakdown and the CPU are the median round's. */
  drain: {
    app: number;
    raw: number;
    n: number;
    rounds: number;
    take: number;
    post: number;
    apply: number;
    appCpu: CpuSample;
    rawCpu: CpuSample;
  };
}

/** The harness's functions, as the page exposes them (bench/browser/harness.ts). */
interface Bench {
  queueTimes(n: number): Promise<{ p50: number; p99: number }>;
  rawPutTimes(n: number): Promise<{ p50: number; p99: number }>;
  queueForDrain(n: number, base: number): Promise<string>;
  drain(name: string, n: number): Promise<{ ms: number; take: number; post: number; apply: number }>;
  rawPostLoop(n: number, base: number): Promise<{ ms: number }>;
  keepSent(n: number, base: number): Promise<string>;
  statusTimes(
    name: string,
    reps: number,
  ): Promise<{ first: number; longestTask: number; status: number[]; raw: number[] }>;
}

/** Runs `use` in a harness page on a collector of its own, closed after. */
async function onFreshCollector<T>(
  harnessDist: string,
  context: BrowserContext,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const served = await collector(harnessDist);
  try {
    const page = await context.newPage();
    await page.goto(served.origin);
    await page.waitForFunction(() => document.title === "ready");
    const result = await use(page);
    await page.close();
    return result;
  } finally {
    await served.close();
  }
}

export async function browserBench(
  bareDist: string,
  runs = 15,
  queueN = 500,
  drainN = 10_000,
  drainRounds = 3,
): Promise<BrowserFigures> {
  const harnessDist = join(process.cwd(), ".tmp/bench-harness-dist");
  await build({
    root: "bench/browser",
    configFile: false,
    logLevel: "error",
    build: { outDir: harnessDist, emptyOutDir: true, target: "es2022" },
  });
  const browser = await launchChromium();
  try {
    // First question: the app as the collector serves it, the bare page from a plain static server.
    // Beside them, the app without Cross-Origin-Opener-Policy and the bare page with the collector's
    // security headers: COOP makes Chromium put the page in a new browsing context group, so a
    // renderer process other than the new tab's, and that swap is counted in the figure.
    const dist = join(process.cwd(), "dist");
    const side = async (server: Promise<Served>, path: string, withStart: boolean) => ({
      server: await server,
      path,
      withStart,
      times: [] as number[],
    });
    const sides = {
      app: await side(collector(dist), "/s/ward-resident", true),
      bare: await side(bareServer(bareDist), "/", false),
      appWithoutCoop: await side(collector(dist, ["Cross-Origin-Opener-Policy"]), "/s/ward-resident", true),
      bareWithHeaders: await side(bareServer(bareDist, true), "/", false),
    };
    // Alternate, so that anything else on the machine weighs on all alike.
    for (let i = 0; i < runs; i++)
      for (const s of Object.values(sides))
        s.times.push(await firstQuestionMs(browser, `${s.server.origin}${s.path}`, s.withStart));
    for (const s of Object.values(sides)) await s.server.close();

    // Queueing: the harness page, same origin as its collector.
    const context = await browser.newContext();
    const { raw, queued } = await onFreshCollector(harnessDist, context, async (page) => ({
      raw: await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.rawPutTimes(n), queueN),
      queued: await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.queueTimes(n), queueN),
    }));

    // Draining: each side of each round to a fresh collector (a fresh database, so both store
    // 10,000 new rows), the sides' order swapped round by round so that a load blip on the shared
    // machine weighs on both; the CPU each process spent is read around the timed part only.
    const base = Date.parse("2026-06-01T00:00:00Z");
    const app: DrainRound[] = [];
    const rawLoop: { ms: number; cpu: CpuSample }[] = [];
    const syncSide = () =>
      onFreshCollector(harnessDist, context, async (page) => {
        const name = await page.evaluate(
          ([n, t]) => (window as unknown as { bench: Bench }).bench.queueForDrain(n, t),
          [drainN, base] as const,
        );
        const { result, cpu } = await withCpu(() =>
          page.evaluate(([db, n]) => (window as unknown as { bench: Bench }).bench.drain(db, n), [
            name,
            drainN,
          ] as const),
        );
        app.push({ ...result, cpu });
      });
    const rawSide = () =>
      onFreshCollector(harnessDist, context, async (page) => {
        const { result, cpu } = await withCpu(() =>
          page.evaluate(([n, t]) => (window as unknown as { bench: Bench }).bench.rawPostLoop(n, t), [
            drainN,
            base,
          ] as const),
        );
        rawLoop.push({ ms: result.ms, cpu });
      });
    for (let round = 0; round < drainRounds; round++) {
      const sides = round % 2 === 0 ? [syncSide, rawSide] : [rawSide, syncSide];
      for (const side of sides) await side();
    }

    // The status after each pass, with a month of events' answers kept as sent, on a slow tablet.
    const statusN = 5_000;
    const statusReps = 11;
    const status = await onFreshCollector(harnessDist, context, async (page) => {
      const name = await page.evaluate(
        ([n, t]) => (window as unknown as { bench: Bench }).bench.keepSent(n, t),
        [statusN, base] as const,
      );
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const times = await page.evaluate(
        ([db, reps]) => (window as unknown as { bench: Bench }).bench.statusTimes(db, reps),
        [name, statusReps] as const,
      );
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      return {
        app: median(times.status),
        raw: median(times.raw),
        first: times.first,
        firstLongestTask: times.longestTask,
        n: statusN,
        reps: statusReps,
      };
    });
    await context.close();
    const appRun = medianRun(app);
    const rawRun = medianRun(rawLoop);
    return {
      firstQuestion: {
        app: median(sides.app.times),
        bare: median(sides.bare.times),
        appWithoutCoop: median(sides.appWithoutCoop.times),
        bareWithHeaders: median(sides.bareWithHeaders.times),
        runs,
        samples: {
          app: sides.app.times,
          bare: sides.bare.times,
          appWithoutCoop: sides.appWithoutCoop.times,
          bareWithHeaders: sides.bareWithHeaders.times,
        },
      },
      queue: { app: queued, raw, n: queueN },
      status,
      drain: {
        app: appRun.ms,
        raw: rawRun.ms,
        n: drainN,
        rounds: drainRounds,
        take: appRun.take,
        post: appRun.post,
        apply: appRun.apply,
        appCpu: appRun.cpu,
        rawCpu: rawRun.cpu,
      },
    };
  } finally {
    await browser.close();
  }
}
