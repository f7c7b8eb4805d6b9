// `npx tsx bench/ab-first-question.ts <dist> <dist>...`: the first-question and ready figures of two or
// more builds of the app, each against the same bare page (served with the collector's headers), runs
// alternating between all of them (BENCH_RUNS, 15 by default). For a change to the first screen: on
// this shared machine the figures swing by a third from hour to hour, so two builds are only compared
// in one run, side by side. Build the other one in a worktree:
// `git worktree add /tmp/before <rev> && (cd /tmp/before && npm ci && npx vite build)`.
// BENCH_PRESS_DELAY_MS presses Start that long after it is shown (0 by default: in the task after the
// frame that paints it), as a respondent who reads the intro first would.
import { join } from "node:path";
import { launchChromium } from "../harness/chromium";
import { buildBarePage } from "./bare/build";
import { bareServer, type FirstQuestionRun, firstQuestionRun } from "./first-question";
import { median } from "./median";
import { ratioOfMediansInterval } from "./ratio-interval";
import { collector } from "./served";

const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error("usage: npx tsx bench/ab-first-question.ts <dist> [<dist>...]");
const runs = Number(process.env.BENCH_RUNS ?? 15);
const pressDelayMs = Number(process.env.BENCH_PRESS_DELAY_MS ?? 0);
// BENCH_FRAGMENT=first-question opens each build's page at its first question: no intro, no press,
// so that the figures are the first paint's and the takeover's alone.
const fragment = process.env.BENCH_FRAGMENT ? `#${process.env.BENCH_FRAGMENT}` : "";
const bareDist = join(process.cwd(), ".tmp/bare-dist");
await buildBarePage(bareDist);
const browser = await launchChromium();
const apps = await Promise.all(dists.map((dist) => collector(dist)));
const bare = await bareServer(bareDist);
const appRuns: FirstQuestionRun[][] = dists.map(() => []);
const bareRuns: FirstQuestionRun[] = [];
try {
  for (let i = 0; i < runs; i++) {
    for (const [k, app] of apps.entries())
      appRuns[k]?.push(
        await firstQuestionRun(browser, `${app.origin}/s/ward-resident${fragment}`, !fragment, pressDelayMs),
      );
    bareRuns.push(await firstQuestionRun(browser, `${bare.origin}/`, false));
  }
} finally {
  for (const app of apps) await app.close();
  await bare.close();
  await browser.close();
}
const figure = (measured: FirstQuestionRun[], key: "firstQuestion" | "ready" | "takenOver") => {
  const a = measured.map((r) => r[key]);
  const b = bareRuns.map((r) => r[key]);
  const { low, high } = ratioOfMediansInterval(a, b);
  return `${key} ${median(a).toFixed(0)} ms, ratio ${(median(a) / median(b)).toFixed(2)} [${low.toFixed(2)}–${high.toFixed(2)}]`;
};
for (const [k, dist] of dists.entries()) {
  const measured = appRuns[k] ?? [];
  const wait = median(measured.map((r) => (r.press ?? Number.NaN) - (r.start ?? Number.NaN)));
  console.log(
    `${dist}: ${figure(measured, "firstQuestion")}; ${figure(measured, "ready")}; ${figure(measured, "takenOver")} (median of ${runs}; ` +
      `Start pressed ${wait.toFixed(0)} ms after the frame that showed it)`,
  );
}
console.log(
  `bare page: firstQuestion ${median(bareRuns.map((r) => r.firstQuestion)).toFixed(0)} ms, ready ${median(bareRuns.map((r) => r.ready)).toFixed(0)} ms`,
);
