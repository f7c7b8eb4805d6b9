import { gzipSync } from "node:zlib";
import type { Browser, Request } from "playwright-core";
import type { Locale } from "../src/domain/locales";
import { phoneContext } from "./chromium";

/** One response of a cold visit, as Chromium's network log saw it. */
export interface Fetched {
  /** The path and query, on the collector's origin; the whole URL elsewhere. */
  readonly path: string;
  /** What it weighs as gzip (level 9, as the build precompresses): see gzipWeight. */
  readonly gzip: number;
  /** Its body as the browser got it on the wire (brotli where the collector sent it so), headers apart; 0 from the HTTP cache. */
  readonly wire: number;
}

export interface ColdVisit {
  /** Every response the page asked for, in the order asked: what the budget counts. */
  readonly page: readonly Fetched[];
  /** The service worker's own requests (sw.js and its precache): reported beside, not counted. */
  readonly serviceWorker: readonly Fetched[];
}

export const total = (fetched: readonly Fetched[]) => fetched.reduce((sum, f) => sum + f.gzip, 0);

/**
 * The bytes a response would take as gzip: its body gzipped at level 9, which for every file of the
 * build is byte for byte the .gz twin the collector serves a browser that takes gzip alone (vite.config.ts,
 * precompress). Re-gzipped here rather than asked for with Accept-Encoding: gzip, so the count does not
 * hang on the collector's negotiation (a stale twin is compressed on the fly at a lower level) nor on
 * Chromium letting a test override the header; and headers are left out, as the build budget always did.
 * An image is counted as it is: the collector never compresses one, and gzip would only add to it.
 */
function gzipWeight(body: Buffer, contentType: string): number {
  if (contentType.startsWith("image/")) return body.length;
  return gzipSync(body, { level: 9 }).length;
}

/** Until `ms` have passed with no request started or finished, and none left in flight. */
async function untilQuiet(last: () => number, inFlight: () => number, ms: number): Promise<void> {
  while (inFlight() > 0 || Date.now() - last() < ms) await new Promise((r) => setTimeout(r, 100));
}

/**
 * A phone's first visit to `url` in a fresh context (no cache, no service worker): every response
 * until the app has registered its service worker and that worker is active (its precache done), and
 * the network has then been quiet for `quietMs`. The app registers the worker at its first idle moment,
 * with the rest of what it starts after the first render (src/app/main.tsx), so by then the page has
 * asked for all it asks for unprompted. A page request is told from the worker's by Playwright's
 * request.serviceWorker() (Chromium's own attribution of the request to the worker's target); the
 * worker does not claim the page it installs from (src/sw.ts), so none of the page's requests go
 * through it.
 */
export async function recordColdVisit(
  browser: Browser,
  url: string,
  {
    locale,
    quietMs = 1500,
    serviceWorker: awaitWorker = true,
  }: {
    locale: string;
    quietMs?: number;
    /** False for a page without a service worker (the bench's bare page): until quiet only. */
    serviceWorker?: boolean;
  },
): Promise<ColdVisit> {
  const context = await phoneContext(browser, { locale });
  const origin = new URL(url).origin;
  const page: Promise<Fetched | undefined>[] = [];
  const serviceWorker: Promise<Fetched | undefined>[] = [];
  let last = Date.now();
  let inFlight = 0;
  // A page response whose body cannot be read fails the visit: it must never be counted as 0 B. The
  // worker's are only reported; the HTTP cache answers some of them with no body to read.
  const weigh = async (request: Request, counted: boolean): Promise<Fetched | undefined> => {
    const response = await request.response();
    if (!response) return undefined;
    const path = request.url().startsWith(origin) ? request.url().slice(origin.length) : request.url();
    const body = await response.body().catch((error: unknown) => {
      if (counted) throw new Error(`${path}: its body could not be read (${String(error)})`);
      return Buffer.alloc(0);
    });
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    return {
      path,
      gzip: gzipWeight(body, response.headers()["content-type"] ?? ""),
      wire: Math.max(0, sizes.responseBodySize),
    };
  };
  const settle = (request: Request) => {
    inFlight--;
    last = Date.now();
    const ofWorker = request.serviceWorker() !== null;
    const weighed = weigh(request, !ofWorker);
    // Awaited with the others at the end; until then a failure is not an unhandled rejection.
    weighed.catch(() => undefined);
    (ofWorker ? serviceWorker : page).push(weighed);
  };
  context.on("request", () => {
    inFlight++;
    last = Date.now();
  });
  context.on("requestfinished", settle);
  context.on("requestfailed", () => {
    inFlight--;
    last = Date.now();
  });
  try {
    const tab = await context.newPage();
    await tab.goto(url);
    if (awaitWorker)
      await tab.evaluate(
        (ms) =>
          Promise.race([
            navigator.serviceWorker.ready.then(() => undefined),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error(`no active service worker ${ms} ms after load`)), ms),
            ),
          ]),
        30_000,
      );
    await untilQuiet(
      () => last,
      () => inFlight,
      quietMs,
    );
    const known = (all: (Fetched | undefined)[]) => all.filter((f): f is Fetched => f !== undefined);
    return { page: known(await Promise.all(page)), serviceWorker: known(await Promise.all(serviceWorker)) };
  } finally {
    await context.close();
  }
}

/** One line per response and a total, for a report or a failing test's message. */
export function describeFetched(title: string, fetched: readonly Fetched[]): string {
  const lines = fetched.map((f) => `${String(f.gzip).padStart(7)} ${String(f.wire).padStart(7)}  ${f.path}`);
  return [
    `${title}: gzip B, on the wire B, path`,
    ...lines,
    `${String(total(fetched)).padStart(7)} ${String(fetched.reduce((s, f) => s + f.wire, 0)).padStart(7)}  total of ${fetched.length}`,
  ].join("\n");
}

/**
 * A phone set to `locale` opening the shipped survey's link on `origin`; ?lang= is the page's own
 * language switch, the only way to Easy Japanese, which no browser setting asks for.
 */
export const surveyColdVisit = (browser: Browser, origin: string, locale: Locale): Promise<ColdVisit> =>
  recordColdVisit(browser, `${origin}/s/ward-resident?lang=${locale}`, {
    locale: locale === "ja-x-easy" ? "ja-JP" : locale,
  });
