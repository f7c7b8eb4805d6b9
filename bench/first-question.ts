// One cold page load under 4x CPU throttle, timed in the page as a respondent meets it: when the
// first question is shown, and when the page is ready (its app has taken over: a press of Next saves).
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { Browser } from "playwright-core";
import { securityHeaders } from "../src/server/http/security-headers";
import { listen, type Served } from "./served";

/**
 * In the page, from navigation start, each at the start of the first frame in which it holds
 * (checked at every frame: the survey's page has its first question in the HTML, hidden until
 * Start's fragment link targets it, which changes no node):
 * - start: the intro's Start button is shown. The script presses it in the task after that frame,
 *   `pressDelayMs` later (0: at once), as the earliest press a respondent could make; a page whose
 *   main thread is still busy (compiling the app) handles it only when that task is done, and that
 *   wait is in the figure. The button is looked up again then: the app's render may have replaced it.
 * - radio: a radio button (the first question) is shown. This is the first-question figure.
 * - answerable: a press of Next would check the answer and show the next question (or the error):
 *   #app carries data-early-ready, which the page's own script sets once it runs the HTML's
 *   questions (src/app/respondent/early-questions.ts), or the app has taken over. Ready is the later
 *   of radio and answerable.
 * - takeover: #app no longer carries data-first-screen, which the app removes in the same task as
 *   its first render replaces the HTML's first screen (src/app/respondent/first-screen.ts,
 *   receiveFirstScreen): the app's handlers are on the form from then on, and it writes the draft.
 *   A page that never had a first screen in its HTML (the bare page) counts from its #app's first
 *   frame, for both.
 * Nothing of Playwright runs in the page while it loads (its locators inject a selector engine into
 * the page's main thread); the marks are read once both are seen.
 */
// The script is a string, not a function: tsx names functions through a helper the page does not have.
export function marks(pressDelayMs = 0): string {
  return `(() => {
  const mark = {};
  window.__marks = mark;
  const START = ".intro .button--primary";
  const shown = (selector) => document.querySelector(selector)?.checkVisibility({ visibilityProperty: true }) === true;
  const takenOver = () => {
    const app = document.getElementById("app");
    return app !== null && !app.hasAttribute("data-first-screen");
  };
  const frame = () => {
    const now = performance.now();
    if (mark.start === undefined && shown(START)) {
      mark.start = now;
      setTimeout(() => {
        mark.click = performance.now();
        document.querySelector(START)?.click();
      }, ${pressDelayMs});
    }
    if (mark.radio === undefined && shown("input[type=radio]")) mark.radio = now;
    if (mark.answerable === undefined && (takenOver() || document.querySelector("#app[data-early-ready]")))
      mark.answerable = now;
    if (mark.takeover === undefined && takenOver()) mark.takeover = now;
    if (mark.radio === undefined || mark.takeover === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}

// A string, not a function (see marks). A page that never shows its question or never takes over
// fails the run, saying how far it got, rather than hang it.
const READ_MARKS = `new Promise((resolve, reject) => {
  const poll = setInterval(() => {
    const m = window.__marks;
    const done = m.radio !== undefined && m.takeover !== undefined;
    if (!done && performance.now() < 30000) return;
    clearInterval(poll);
    if (done) resolve(m);
    else reject(new Error("30 s after navigation start, marks " + JSON.stringify(m) + " on " + location.href));
  }, 50);
})`;

/** One page load, in ms from navigation start. */
export interface FirstQuestionRun {
  /** The first question shown (on a page with Start: after the press, the wait for it included). */
  firstQuestion: number;
  /** The first question shown, and a press of Next on it would be answered (answerable). */
  ready: number;
  /** The first question shown, and the app in charge of it (takeover). */
  takenOver: number;
  /** Of a page with Start: when it was shown, and when the press was made. */
  start?: number;
  press?: number;
}

/**
 * Slow 4G as Chromium's DevTools preset has it (150 ms round trip, 1.6 Mbps down, 750 kbps up): a
 * phone on mobile data, where each request the first paint waits for costs a round trip.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
} as const;

export async function firstQuestionRun(
  browser: Browser,
  url: string,
  withStart: boolean,
  pressDelayMs = 0,
  network?: typeof SLOW_4G,
): Promise<FirstQuestionRun> {
  const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
  try {
    await context.addInitScript(marks(pressDelayMs));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    if (network) {
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", network);
    }
    await page.goto(url, { waitUntil: "commit" });
    const m = (await page.evaluate(READ_MARKS)) as Record<
      "radio" | "answerable" | "takeover" | "start" | "click",
      number
    >;
    if (withStart && (m.start === undefined || m.click === undefined))
      throw new Error(`${url}: no Start button was seen`);
    return {
      firstQuestion: m.radio,
      ready: Math.max(m.radio, m.answerable),
      takenOver: Math.max(m.radio, m.takeover),
      ...(withStart && { start: m.start, press: m.click }),
    };
  } finally {
    await context.close();
  }
}

/**
 * The bare page (bench/bare/) as the collector serves the app: every security header it sets (COOP,
 * CSP and the rest, src/server/http/security-headers.ts) and its files precompressed, brotli to a
 * browser that takes it (bench/bare/build.ts writes the twins). `withoutHeaders` are taken off, as
 * the bench's collector does (bench/served.ts).
 */
export function bareServer(bareDist: string, withoutHeaders: readonly string[] = []): Promise<Served> {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    for (const name of withoutHeaders) c.res.headers.delete(name);
  });
  app.use("*", securityHeaders());
  return listen(app.use("*", serveStatic({ root: bareDist, precompressed: true })).fetch);
}
