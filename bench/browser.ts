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
import type { Browser } from "playwright-core";
import { build } from "vite";
import { createApp } from "../src/server/app";
import { DEFAULT_RATE_LIMIT } from "../src/server/rate-limit";
import { createKyselyStorage, openSqlite, type Storage } from "../src/server/storage";
import { loadSurveyRegistry } from "../src/server/surveys";
import { launchChromium } from "../tests/e2e/support/browser";

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

/** A collector on a fresh SQLite file, serving `staticDir`, with the production rate limit. */
export async function collector(staticDir: string): Promise<Served & { storage: Storage }> {
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
  });
  const served = await listen(app.fetch);
  return {
    ...served,
    storage,
    close: async () => {
      await served.close();
      await storage.close();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * In the page, from navigation start: when the first radio button is in the document and a frame
 * has begun after it. Tsunagu opens on an intro screen with a Start button, which this script
 * clicks itself once a frame has shown it: the figure is (Start visible) + (click → first question
 * visible), with no reaction time. Nothing of Playwright runs in the page while it loads (its
 * locators inject a selector engine into the page's main thread, which weighed on the slower page
 * more than on the faster one); the marks are read once the radio button is there.
 */
// No named functions inside: tsx would wrap them in a helper that does not exist in the page.
export const MARKS = () => {
  const mark: Record<string, number> = {};
  (window as unknown as { __marks: Record<string, number> }).__marks = mark;
  new MutationObserver(() => {
    const start = document.querySelector<HTMLButtonElement>(".intro .button--primary");
    if (mark.startSeen === undefined && start) {
      mark.startSeen = performance.now();
      requestAnimationFrame(() => {
        mark.start = performance.now();
        // After this frame has been painted: the click a respondent could make at the earliest.
        setTimeout(() => {
          mark.click = performance.now();
          start.click();
        }, 0);
      });
    }
    if (mark.radioSeen === undefined && document.querySelector("input[type=radio]")) {
      mark.radioSeen = performance.now();
      requestAnimationFrame(() => {
        mark.radio = performance.now();
      });
    }
  }).observe(document, { subtree: true, childList: true });
};

// A string, not a function: tsx names arrow functions through a helper the page does not have.
export const READ_MARKS = `new Promise((resolve) => {
  const poll = setInterval(() => {
    if (window.__marks.radio === undefined) return;
    clearInterval(poll);
    resolve(window.__marks);
  }, 50);
})`;

export async function firstQuestionMs(browser: Browser, url: string, withStart: boolean): Promise<number> {
  const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
  await context.addInitScript(MARKS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "commit" });
  const m = (await page.evaluate(READ_MARKS)) as Record<string, number>;
  await context.close();
  if (!withStart) return m.radio as number;
  if (m.start === undefined || m.click === undefined) throw new Error(`${url}: no Start button was seen`);
  return m.start + (m.radio as number) - m.click;
}

export interface BrowserFigures {
  firstQuestion: { app: number; bare: number; runs: number };
  queue: { app: { p50: number; p99: number }; raw: { p50: number; p99: number }; n: number };
  drain: { app: number; raw: number; n: number; take: number; post: number; apply: number };
}

export async function browserBench(
  bareDist: string,
  runs = 11,
  queueN = 500,
  drainN = 10_000,
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
    const appServer = await collector(join(process.cwd(), "dist"));
    const bareServer = await listen(new Hono().use("*", serveStatic({ root: bareDist })).fetch);
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate, so that anything else on the machine weighs on both alike.
      app.push(await firstQuestionMs(browser, `${appServer.origin}/s/ward-resident`, true));
      bare.push(await firstQuestionMs(browser, `${bareServer.origin}/`, false));
    }
    await appServer.close();
    await bareServer.close();

    // Queueing and draining: the harness page, same origin as its collector; a fresh collector
    // (fresh database) for each side of the drain, so both store 10,000 new rows.
    const a = await collector(harnessDist);
    const b = await collector(harnessDist);
    const context = await browser.newContext();
    const pa = await context.newPage();
    await pa.goto(a.origin);
    await pa.waitForFunction(() => document.title === "ready");
    type Bench = {
      queueTimes(n: number): Promise<{ p50: number; p99: number }>;
      rawPutTimes(n: number): Promise<{ p50: number; p99: number }>;
      drain(n: number, base: number): Promise<{ ms: number; take: number; post: number; apply: number }>;
      rawPostLoop(n: number, base: number): Promise<{ ms: number }>;
    };
    const raw = await pa.evaluate(
      (n) => (window as unknown as { bench: Bench }).bench.rawPutTimes(n),
      queueN,
    );
    const queued = await pa.evaluate(
      (n) => (window as unknown as { bench: Bench }).bench.queueTimes(n),
      queueN,
    );
    const base = Date.parse("2026-06-01T00:00:00Z");
    const drained = await pa.evaluate(([n, t]) => (window as unknown as { bench: Bench }).bench.drain(n, t), [
      drainN,
      base,
    ] as const);
    const pb = await context.newPage();
    await pb.goto(b.origin);
    await pb.waitForFunction(() => document.title === "ready");
    const posted = await pb.evaluate(
      ([n, t]) => (window as unknown as { bench: Bench }).bench.rawPostLoop(n, t),
      [drainN, base] as const,
    );
    await context.close();
    await a.close();
    await b.close();
    return {
      firstQuestion: { app: median(app), bare: median(bare), runs },
      queue: { app: queued, raw, n: queueN },
      drain: {
        app: drained.ms,
        raw: posted.ms,
        n: drainN,
        take: drained.take,
        post: drained.post,
        apply: drained.apply,
      },
    };
  } finally {
    await browser.close();
  }
}
