// `npx tsx bench/profile-first-visit.ts [locale]`: where a respondent's cold visit spends the page's
// main thread until the app has taken over (issue 27's "ready"), from a Chromium trace under 4x CPU
// throttle: the median over BENCH_RUNS loads (5 unless set) of the main thread's work in all, of the
// load's moments (each file fetched and compiled, the modules evaluated, the bench's marks), of each
// kind of work (evaluation, promise continuations, parse, style, layout, paint...) and, with
// PROFILE_JS=1, of the self time of the JavaScript each file runs (V8's sampling profiler). Needs
// `npx vite build` first; STATIC_DIR serves another build, or several (comma-separated) run by run
// in turn: the work is steadier than wall time on the shared machine; PROFILE_FRAGMENT=first-question
// opens the page at its first question (no intro, no press). Served without
// Cross-Origin-Opener-Policy: its process swap would move the page away from the trace's renderer
// (bench/first-visit.ts measures what it costs).
import type { Browser } from "playwright-core";
import { launchChromium } from "../harness/chromium";
import { LOCALES, type Locale } from "../src/domain/locales";
import { marks } from "./first-question";
import { median } from "./median";
import { collector } from "./served";

/** PROFILE_JS=1: V8's sampling profiler too, for JavaScript's self time by file. */
const SAMPLE = process.env.PROFILE_JS === "1";

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; documentLoaderURL?: string }; fileName?: string } & Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = (url: string | undefined) => (url ? (url.split("/").pop() ?? url).replace(/\?.*$/, "") : "?");

/** Kinds of work, by the trace event that holds it (its own time, without what it holds). */
function kind(e: TraceEvent): string | undefined {
  switch (e.name) {
    case "v8.compileModule":
    case "v8.compile":
      return `compile ${file(e.args?.fileName ?? e.args?.data?.url)}`;
    case "v8.evaluateModule":
      return `evaluate ${file(e.args?.data?.url ?? e.args?.fileName)}`;
    case "ParseHTML":
      return "parse HTML";
    case "ParseAuthorStyleSheet":
      return "parse CSS";
    case "UpdateLayoutTree":
      return "style";
    case "Layout":
      return "layout";
    case "Paint":
    case "PrePaint":
    case "Layerize":
    case "UpdateLayer":
      return "paint";
    case "MinorGC":
    case "MajorGC":
    case "V8.GC_SCAVENGER":
    case "BlinkGC.AtomicPhase":
      return "garbage collection";
    case "FunctionCall":
      return `script ${file(e.args?.data?.url)}`;
    case "RunMicrotasks":
      return "microtasks (promise continuations: the app's async start)";
    case "TimerFire":
    case "FireAnimationFrame":
    case "EventDispatch":
    case "FireIdleCallback":
      return e.name;
    default:
      return undefined;
  }
}

/** Self time (ms) of each kind of work on the page's main thread until `until` (µs, trace clock). */
function selfTimes(events: TraceEvent[], nav: TraceEvent, until: number): Map<string, number> {
  const { pid, tid } = nav;
  const spans = events
    .filter((e) => e.ph === "X" && e.tid === tid && e.pid === pid && e.ts < until && kind(e))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  // Each span's time less its children's: nested spans are contained in their parents'.
  const stack: { end: number; key: string }[] = [];
  const add = (key: string, ms: number) => out.set(key, (out.get(key) ?? 0) + ms);
  for (const e of spans) {
    const end = Math.min(e.ts + (e.dur ?? 0), until);
    while (stack.length && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop();
    const key = kind(e) as string;
    const parent = stack.at(-1);
    if (parent) add(parent.key, -(end - e.ts) / 1000);
    add(key, (end - e.ts) / 1000);
    stack.push({ end, key });
  }
  return out;
}

/** When each step of the load happened, in ms from navigation start: the order the page waits in. */
function moments(events: TraceEvent[], nav: TraceEvent, marks: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  const at = (name: string, ts: number) => {
    if (!out.has(name)) out.set(name, (ts - nav.ts) / 1000);
  };
  const own = events.filter((e) => e.pid === nav.pid && e.ts >= nav.ts).sort((a, b) => a.ts - b.ts);
  const urls = new Map<string, string>();
  for (const e of own) {
    const data = e.args?.data as { requestId?: string; url?: string } | undefined;
    if (e.name === "ResourceSendRequest" && data?.requestId && data.url) urls.set(data.requestId, data.url);
    if (e.name === "ResourceFinish" && data?.requestId) at(`fetched ${file(urls.get(data.requestId))}`, e.ts);
    if (e.name === "ResourceReceiveResponse" && data?.requestId)
      at(`response began ${file(urls.get(data.requestId))}`, e.ts);
    if (e.name === "ParseHTML") at("HTML parse began", e.ts);
    if (e.name === "firstContentfulPaint") at("first contentful paint", e.ts);
    // performance.mark() in the page's code (a build instrumented for a look), by its name.
    if (e.cat.includes("blink.user_timing") && e.name.startsWith("app:")) at(`mark: ${e.name}`, e.ts);
    if (e.name === "FireIdleCallback") at("first idle callback (the boot script starts the app)", e.ts);
    if (e.name === "v8.compileModule") at(`compiled ${file(e.args?.fileName)}`, e.ts + (e.dur ?? 0));
    if (e.name === "v8.evaluateModule")
      out.set("modules evaluated (the last)", (e.ts + (e.dur ?? 0) - nav.ts) / 1000);
  }
  for (const [name, ms] of Object.entries(marks)) out.set(`mark: ${name}`, ms);
  return out;
}

/** JavaScript self time (ms) by the file its function is in, up to `until` (µs, profile clock). */
function jsByFile(profile: Profile, startTime: number, until: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  let t = startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    t += profile.timeDeltas[i] ?? 0;
    if (t > until) return;
    const frame = byId.get(id)?.callFrame;
    const key = frame?.url ? file(frame.url) : (frame?.functionName ?? "?");
    out.set(key, (out.get(key) ?? 0) + delta / 1000);
  });
  return out;
}

async function oneRun(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
  try {
    await context.addInitScript(marks());
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    // The sampler slows a throttled page down much more than the trace does: asked for apart.
    if (SAMPLE) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await cdp.send("Profiler.start");
    }
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,v8,v8.execute,blink.user_timing",
      transferMode: "ReportEvents",
    });
    await page.goto(url, { waitUntil: "commit" });
    // Polled from here (the page's CSP refuses waitForFunction's eval).
    let m: Record<string, number> = {};
    for (let waited = 0; m.radio === undefined || m.takeover === undefined; waited += 100) {
      if (waited > 30_000) throw new Error(`${url}: not ready after 30 s (${JSON.stringify(m)})`);
      await new Promise((r) => setTimeout(r, 100));
      m = (await page.evaluate("window.__marks")) as Record<string, number>;
    }
    const profile = SAMPLE
      ? ((await cdp.send("Profiler.stop")) as unknown as { profile: Profile & { startTime: number } }).profile
      : undefined;
    await cdp.send("Tracing.end");
    await done;
    // The trace's clock is monotonic µs; navigation start is the page's first "navigationStart" mark.
    const nav = events.find(
      (e) =>
        e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.startsWith(url.replace(/#.*/, "")),
    );
    if (!nav) throw new Error(`${url}: no navigationStart in the trace`);
    const takeover = Math.max(m.radio ?? 0, m.takeover ?? 0);
    const until = nav.ts + takeover * 1000;
    return {
      ready: takeover,
      work: selfTimes(events, nav, until),
      moments: moments(events, nav, m),
      js: profile ? jsByFile(profile, profile.startTime, until) : new Map<string, number>(),
    };
  } finally {
    await context.close();
  }
}

const locale = (process.argv[2] ?? "vi") as Locale;
if (!LOCALES.includes(locale)) throw new Error(`${locale}: not one of ${LOCALES.join(", ")}`);
const runs = Number(process.env.BENCH_RUNS ?? 5);
/** PROFILE_FRAGMENT=first-question: the page opened at its first question (no intro, no press). */
const FRAGMENT = process.env.PROFILE_FRAGMENT ? `#${process.env.PROFILE_FRAGMENT}` : "";
const dists = (process.env.STATIC_DIR || "dist").split(",");
const served = await Promise.all(dists.map((dist) => collector(dist, ["Cross-Origin-Opener-Policy"])));
const browser = await launchChromium();
try {
  // Builds alternate run by run, so that the shared machine's load weighs on each alike.
  const results: Awaited<ReturnType<typeof oneRun>>[][] = dists.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [k, s] of served.entries())
      results[k]?.push(await oneRun(browser, `${s.origin}/s/ward-resident?lang=${locale}${FRAGMENT}`));
  for (const [k, dist] of dists.entries()) report(dist, results[k] ?? []);
} finally {
  await browser.close();
  for (const s of served) await s.close();
}

function report(dist: string, results: Awaited<ReturnType<typeof oneRun>>[]): void {
  /** Each key's median over the runs; "time" sorts by when (a moment), else by how much (work). */
  const table = (
    title: string,
    pick: (r: (typeof results)[number]) => Map<string, number>,
    order: "time" | "size" = "size",
  ) => {
    const keys = new Set(results.flatMap((r) => [...pick(r).keys()]));
    const rows = [...keys]
      .map((k) => [k, median(results.flatMap((r) => pick(r).get(k) ?? []))] as const)
      .filter(([, ms]) => ms >= 0.5)
      .sort((a, b) => (order === "time" ? a[1] - b[1] : b[1] - a[1]));
    console.log(`\n${title} (ms, median of ${runs})`);
    for (const [k, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
  };
  console.log(
    `\n## ${dist}: ready ${median(results.map((r) => r.ready)).toFixed(0)} ms from navigation start, the main thread's work below ${median(results.map((r) => [...r.work.values()].reduce((a, b) => a + b, 0))).toFixed(0)} ms of it (medians of ${runs})`,
  );
  table("moments of the load, in order", (r) => r.moments, "time");
  table("main thread's work until ready, by kind (self time)", (r) => r.work);
  if (SAMPLE) table("JavaScript self time until ready, by file (sampled)", (r) => r.js);
}
