// The Chromium figures of `npm run bench` on the device's outbox: submit → durably queued against a
// raw strict put, and draining 10,000 queued responses against a raw POST loop. Each side runs in the
// same browser in the same run. The first question's figures are bench/first-visit.ts's.

import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { build } from "vite";
import { launchChromium } from "../harness/chromium";
import { median, medianRun } from "./median";
import { type CpuSample, withCpu } from "./process-cpu";
import { collector } from "./served";

/** One timed sync pass: its time, where it went (overlapping), and the CPU each process spent. */
interface DrainRound {
  ms: number;
  take: number;
  post: number;
  apply: number;
  cpu: CpuSample;
}

export interface BrowserFigures {
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

export async function browserBench(queueN = 500, drainN = 10_000, drainRounds = 3): Promise<BrowserFigures> {
  const harnessDist = join(process.cwd(), ".tmp/bench-harness-dist");
  await build({
    root: "bench/browser",
    configFile: false,
    logLevel: "error",
    build: { outDir: harnessDist, emptyOutDir: true, target: "es2022" },
  });
  const browser = await launchChromium();
  try {
    // Queueing: the harness page, same origin as its collector.
    const context = await browser.newContext();
    const { raw, queued } = await onFreshCollector(harnessDist, context, async (page) => ({
      raw: await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.rawPutTimes(n), queueN),
      queued: await page.evaluate((n) => (window as unknown as { bench: Bench }).bench.queueTimes(n), queueN),
    }));

    // Draining: each side of each round to a fresh collector (a fresh database, so both store
    // 10,000 new rows), the sides' order swapped round by round so that a load blip on the shared
    // machine weighs on both; the CPU each process spent is read around the timed part only.
    // Within version 1's answer period (July 2026), which the collector keeps to.
    const base = Date.parse("2026-07-01T00:00:00Z");
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
