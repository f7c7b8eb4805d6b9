// A respondent's first visit, as issue 27 measures it: every byte the phone fetches (Chromium's
// network log, in the heaviest language), and the time to the first question and to a page that
// saves, each against the bare page (bench/bare/) served with the same headers.
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { type Fetched, recordColdVisit, surveyColdVisit, total } from "../harness/cold-visit-log";
import { FIRST_QUESTION_FRAGMENT } from "../src/app/respondent/first-screen-markup";
import { LOCALES, type Locale } from "../src/domain/locales";
import { buildBarePage } from "./bare/build";
import { bareServer, type FirstQuestionRun, firstQuestionRun, SLOW_4G } from "./first-question";
import { median } from "./median";
import { ratioOfMediansInterval } from "./ratio-interval";
import { collector, type Served } from "./served";

/** Read at the interval's upper end (bytes: exact, a build's bytes do not vary). */
export const GOALS = { coldVisitGzip: 50_000, firstQuestion: 1.25, ready: 1.4 } as const;

export interface FirstVisitFigures {
  coldVisit: {
    locale: Locale;
    page: readonly Fetched[];
    serviceWorker: readonly Fetched[];
    byLocale: Record<string, number>;
    bare: number;
  };
  runs: number;
  /** When, and the machine's load average as the run began (it is shared: the figures swing with it). */
  measuredAt: string;
  load: string;
  /** Run i of each side was made in round i: the pairs the intervals resample. */
  sides: Record<
    | "app"
    | "bare"
    | "appWithoutCoop"
    | "bareWithoutCoop"
    | "appAtQuestion"
    | "appAtQuestionWithoutCoop"
    | "appDrawsAll"
    | "appSlow4g"
    | "bareSlow4g",
    FirstQuestionRun[]
  >;
}

async function coldVisits(browser: Browser, dist: string, bareDist: string) {
  const app = await collector(dist);
  const bare = await bareServer(bareDist);
  try {
    const byLocale: Record<string, number> = {};
    let heaviest: { locale: Locale; page: readonly Fetched[]; serviceWorker: readonly Fetched[] } | undefined;
    for (const locale of LOCALES) {
      const visit = await surveyColdVisit(browser, app.origin, locale);
      byLocale[locale] = total(visit.page);
      if (!heaviest || total(visit.page) > total(heaviest.page)) heaviest = { locale, ...visit };
    }
    const barePage = await recordColdVisit(browser, `${bare.origin}/`, {
      locale: "ja-JP",
      serviceWorker: false,
    });
    if (!heaviest) throw new Error("no language");
    return { ...heaviest, byLocale, bare: total(barePage.page) };
  } finally {
    await app.close();
    await bare.close();
  }
}

/** `dist`: the app's build (another than ./dist: a snapshot that a concurrent build cannot change mid-run). */
export async function firstVisitBench(
  browser: Browser,
  runs: number,
  dist = join(process.cwd(), "dist"),
): Promise<FirstVisitFigures> {
  const bareDist = join(process.cwd(), ".tmp/bare-dist");
  await buildBarePage(bareDist);
  const measuredAt = new Date().toISOString();
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const coldVisit = await coldVisits(browser, dist, bareDist);
  // The same build without its survey pages (and their manifest): the collector then serves
  // index.html for /s/<id>, and the app draws the intro itself, as before the first screen was in
  // the HTML (src/server/http/first-screen-pages.ts).
  const drawsAllDist = join(process.cwd(), ".tmp/first-visit-without-first-screens");
  rmSync(drawsAllDist, { recursive: true, force: true });
  cpSync(dist, drawsAllDist, { recursive: true });
  rmSync(join(drawsAllDist, "s"), { recursive: true, force: true });
  // The goal's pair: the app as the collector serves it, the bare page with the same headers and
  // compression. Beside them the same two without Cross-Origin-Opener-Policy: COOP makes Chromium
  // move the page to a new browsing context group, so to a renderer other than the new tab's, and
  // each run's fresh tab counts that swap.
  const servers: Record<
    keyof FirstVisitFigures["sides"],
    { served: Served; path: string; withStart: boolean; network?: typeof SLOW_4G }
  > = {
    app: { served: await collector(dist), path: "/s/ward-resident", withStart: true },
    bare: { served: await bareServer(bareDist), path: "/", withStart: false },
    appWithoutCoop: {
      served: await collector(dist, ["Cross-Origin-Opener-Policy"]),
      path: "/s/ward-resident",
      withStart: true,
    },
    bareWithoutCoop: {
      served: await bareServer(bareDist, ["Cross-Origin-Opener-Policy"]),
      path: "/",
      withStart: false,
    },
    // Measures of where the distance lies, not goals. The page opened at its first question
    // (the intro's Start link's own address): one paint, no press; the app takes over as it does
    // after Start. What is left of "first question" here is not the intro's.
    appAtQuestion: {
      served: await collector(dist),
      path: `/s/ward-resident#${FIRST_QUESTION_FRAGMENT}`,
      withStart: false,
    },
    // The same without COOP, against the bare page without it: neither the intro nor the swap.
    appAtQuestionWithoutCoop: {
      served: await collector(dist, ["Cross-Origin-Opener-Policy"]),
      path: `/s/ward-resident#${FIRST_QUESTION_FRAGMENT}`,
      withStart: false,
    },
    // The app drawing the whole page itself (no first screen in the HTML): its start, fetched with
    // the page (index.html's script and modulepreload links) and run at once, is then all of
    // "ready", with no HTML first screen to take over from.
    appDrawsAll: { served: await collector(drawsAllDist), path: "/s/ward-resident", withStart: true },
    // The goal's pair over slow 4G besides the CPU throttle: a phone on mobile data, where every
    // request that the first paint or the app's start waits for costs a round trip.
    appSlow4g: {
      served: await collector(dist),
      path: "/s/ward-resident",
      withStart: true,
      network: SLOW_4G,
    },
    bareSlow4g: { served: await bareServer(bareDist), path: "/", withStart: false, network: SLOW_4G },
  };
  const sides: FirstVisitFigures["sides"] = {
    app: [],
    bare: [],
    appWithoutCoop: [],
    bareWithoutCoop: [],
    appAtQuestion: [],
    appAtQuestionWithoutCoop: [],
    appDrawsAll: [],
    appSlow4g: [],
    bareSlow4g: [],
  };
  try {
    // Rounds alternate, and the order within a round turns each time, so that load from elsewhere
    // on the shared machine weighs on every side alike.
    const names = Object.keys(servers) as (keyof typeof servers)[];
    for (let round = 0; round < runs; round++)
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        const s = servers[name];
        sides[name].push(
          await firstQuestionRun(browser, `${s.served.origin}${s.path}`, s.withStart, 0, s.network),
        );
      }
  } finally {
    for (const s of Object.values(servers)) await s.served.close();
  }
  return { coldVisit, runs, measuredAt, load, sides };
}

type Figure = "firstQuestion" | "ready" | "takenOver";
const ms = (runs: readonly FirstQuestionRun[], key: Figure) => runs.map((r) => r[key]);
const met = (ok: boolean, by: string) => (ok ? "met" : `not met (${by})`);

/** bench/RESULTS.md's section: each figure with its interval and whether its goal is met. */
export function firstVisitSection(f: FirstVisitFigures): string[] {
  const { coldVisit: cv, sides, runs } = f;
  const bytes = total(cv.page);
  const row = (figure: string, a: FirstQuestionRun[], b: FirstQuestionRun[], key: Figure, goal?: number) => {
    const ratio = median(ms(a, key)) / median(ms(b, key));
    const { low, high } = ratioOfMediansInterval(ms(a, key), ms(b, key));
    const verdict =
      goal === undefined ? "—" : `≤ ${goal}: ${met(high <= goal, `upper end ${high.toFixed(2)}`)}`;
    return `| ${figure} | ${median(ms(a, key)).toFixed(0)} | ${median(ms(b, key)).toFixed(0)} | ${ratio.toFixed(2)} [${low.toFixed(2)}–${high.toFixed(2)}] | ${verdict} |`;
  };
  const pressWait = median(sides.app.map((r) => (r.press ?? Number.NaN) - (r.start ?? Number.NaN)));
  const startShown = median(sides.app.map((r) => r.start ?? Number.NaN));
  return [
    "<!-- first-visit:start -->",
    "## A respondent's first visit (issue 27)",
    "",
    `Measured ${f.measuredAt}; load average at the start ${f.load} (a shared machine: the times' intervals widen with it).`,
    "",
    `Cold visit to /s/ward-resident as the collector serves it (Link preload, precompressed files), from Chromium's network log until the app's service worker is active and the network has been quiet 1.5 s (harness/cold-visit-log.ts); each response's body re-gzipped at level 9, byte for byte the collector's .gz twin of a built file; images as they are. The service worker's own requests (sw.js, its precache) are apart. Heaviest language: ${cv.locale}.`,
    "",
    "| figure | Tsunagu | bare page | goal |",
    "| --- | --- | --- | --- |",
    `| cold visit, gzip B (${cv.page.length} requests in ${cv.locale}) | ${bytes} | ${cv.bare} | ≤ ${GOALS.coldVisitGzip}: ${met(bytes <= GOALS.coldVisitGzip, `${bytes - GOALS.coldVisitGzip} B over`)} |`,
    `| the service worker's requests (sw.js and its precache), gzip B, not counted | ${total(cv.serviceWorker)} | — | — |`,
    "",
    `By language, gzip B: ${Object.entries(cv.byLocale)
      .map(([l, b]) => `${l} ${b}`)
      .join(", ")}.`,
    "",
    `Times, Chromium 4x CPU throttle, a fresh context per run, ${runs} alternating rounds (ms from navigation start, medians; ratio with its 95 % paired-bootstrap interval, bench/ratio-interval.ts; a goal is met only where the interval's upper end is within it):`,
    "",
    "| figure | Tsunagu | bare page | ratio [95 % interval] | goal |",
    "| --- | --- | --- | --- | --- |",
    row(
      "first question shown (Start pressed in the task after the frame that paints it; the wait for the press to be handled included)",
      sides.app,
      sides.bare,
      "firstQuestion",
      GOALS.firstQuestion,
    ),
    row(
      "ready: the first question shown and a press of Next answered (the answer checked by the survey's rules, then its error or the next question shown: the page's own script until the app takes over)",
      sides.app,
      sides.bare,
      "ready",
      GOALS.ready,
    ),
    row(
      "the app in charge of the first question (it has taken over: it writes the draft, and draws the review and sends)",
      sides.app,
      sides.bare,
      "takenOver",
    ),
    row(
      "first question, both without Cross-Origin-Opener-Policy (what COOP's process swap costs)",
      sides.appWithoutCoop,
      sides.bareWithoutCoop,
      "firstQuestion",
    ),
    row(
      "ready, both without Cross-Origin-Opener-Policy",
      sides.appWithoutCoop,
      sides.bareWithoutCoop,
      "ready",
    ),
    row(
      "first question, both over slow 4G too (150 ms round trip, 1.6 Mbps: a phone on mobile data)",
      sides.appSlow4g,
      sides.bareSlow4g,
      "firstQuestion",
    ),
    row("ready, both over slow 4G too", sides.appSlow4g, sides.bareSlow4g, "ready"),
    row("the app in charge, both over slow 4G too", sides.appSlow4g, sides.bareSlow4g, "takenOver"),
    row(
      `first question, the page opened at it (/s/ward-resident#${FIRST_QUESTION_FRAGMENT}: no intro, no press; what the intro costs)`,
      sides.appAtQuestion,
      sides.bare,
      "firstQuestion",
    ),
    row(
      "ready, the page opened at its first question (no intro, no press: what Start costs the goal)",
      sides.appAtQuestion,
      sides.bare,
      "ready",
    ),
    row(
      "first question, the page opened at it, both without Cross-Origin-Opener-Policy (neither the intro nor COOP's swap)",
      sides.appAtQuestionWithoutCoop,
      sides.bareWithoutCoop,
      "firstQuestion",
    ),
    row(
      "ready, the page opened at its first question, both without Cross-Origin-Opener-Policy",
      sides.appAtQuestionWithoutCoop,
      sides.bareWithoutCoop,
      "ready",
    ),
    row(
      "the app in charge, the page opened at its first question (the app's takeover without the intro before it)",
      sides.appAtQuestion,
      sides.bare,
      "takenOver",
    ),
    row(
      "first question, the app drawing the whole page itself (no first screen in the HTML: index.html, its script and modulepreload links)",
      sides.appDrawsAll,
      sides.bare,
      "firstQuestion",
    ),
    row(
      "ready, the app drawing the whole page itself (its own start is all of it)",
      sides.appDrawsAll,
      sides.bare,
      "ready",
    ),
    "",
    `Of the app's first question (medians): Start shown at ${startShown.toFixed(0)} ms; the press made ${pressWait.toFixed(0)} ms after, in the first task the page's main thread ran after that frame.`,
    "Both pages are served with the collector's security headers (COOP, CSP and the rest) and precompressed files (brotli); the bare page is Preact alone showing the app's first question (bench/bare/).",
    "Ready is the start of the first frame in which #app carries data-early-ready, which the page's own script sets once it answers the HTML's questions (src/app/respondent/early-questions.ts: Next checks the answer by the app's own rules, flow.ts and domain/validate.ts, and shows its error or the next question, Back the one before), or the app has taken over. The app in charge is the start of the first frame after the app removed data-first-screen from #app, which it does in the same task as its first render takes over the HTML's questions (src/app/respondent/first-screen.ts); from then on the app writes the draft (until then the page's script keeps the answers on the device at each move and change, as an early draft that the app takes up). The bare page is ready, and its app in charge, once its question is shown (Preact drew it, handlers and all).",
    "The slow 4G rows are Chromium's network emulation (bench/first-question.ts, SLOW_4G) on top of the CPU throttle, for both pages.",
    "The last seven rows place the distance, and are no goal's: opened at its first question, the page paints that question at once from the HTML, so what is left of its first-question and ready ratios is not the intro's; drawn whole by the app (this build without its survey pages, so that the collector serves index.html, whose script and modulepreload links fetch the app with the page), the page's intro, Start's press and the question are all the app's, and ready is its first question.",
    "The goal's figures keep COOP (OWASP ASVS 5.0 3.4.8; on Android, Chrome gives a site a process of its own only where it logs users in or sends COOP, and a respondent's answers are in this page): COOP (same-origin) moves the page to a new browsing context group, so to a renderer other than the one the fresh tab opened with, and each run counts that swap.",
    "A script in the page marks each moment at every frame and presses Start; nothing of Playwright runs in the page meanwhile (bench/first-question.ts).",
    "",
    "Requests of the cold visit (gzip B, path):",
    "",
    ...cv.page.map((p) => `    ${String(p.gzip).padStart(6)}  ${p.path}`),
    "<!-- first-visit:end -->",
  ];
}
