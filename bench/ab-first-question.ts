// `npx tsx bench/ab-first-question.ts <dist> <dist>...`: the first-question figure of two or more builds
// of the app, each against the same bare page, runs alternating between all of them (BENCH_RUNS, 15 by
// default). For a change to the first screen: on this shared machine the figure swings by a third
// from hour to hour, so two builds are only compared in one run, side by side. Build the other one
// in a worktree: `git worktree add /tmp/before <rev> && (cd /tmp/before && npm ci && npx vite build)`.
// BENCH_PRESS_DELAY_MS presses Start that long after it is shown (0 by default: at once), as a
// respondent who reads the intro first would; the press alone is printed beside the figure.
import { join } from "node:path";
import { launchChromium } from "../tests/e2e/support/browser";
import { buildBarePage } from "./bare/build";
import { bareServer, collector, type FirstQuestionRun, firstQuestionRun } from "./browser";
import { median } from "./median";

const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error("usage: npx tsx bench/ab-first-question.ts <dist> [<dist>...]");
const runs = Number(process.env.BENCH_RUNS ?? 15);
const pressDelayMs = Number(process.env.BENCH_PRESS_DELAY_MS ?? 0);
const bareDist = join(process.cwd(), ".tmp/bare-dist");
await buildBarePage(bareDist);
const browser = await launchChromium();
const apps = await Promise.all(dists.map((dist) => collector(dist)));
const bare = await bareServer(bareDist);
const appRuns: FirstQuestionRun[][] = dists.map(() => []);
const bareTimes: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    for (const [k, app] of apps.entries())
      appRuns[k]?.push(await firstQuestionRun(browser, `${app.origin}/s/ward-resident`, true, pressDelayMs));
    bareTimes.push((await firstQuestionRun(browser, `${bare.origin}/`, false)).ms);
  }
} finally {
  for (const app of apps) await app.close();
  await bare.close();
  await browser.close();
}
const bareMs = median(bareTimes);
for (const [k, dist] of dists.entries()) {
  const measured = appRuns[k] ?? [];
  const ms = median(measured.map((run) => run.ms));
  const press = median(measured.map((run) => run.press?.ms ?? Number.NaN));
  const appRan = measured.filter((run) => run.press?.appRan).length;
  console.log(
    `${dist}: ${ms.toFixed(0)} ms, ratio ${(ms / bareMs).toFixed(2)} (median of ${runs}); ` +
      `Start pressed ${pressDelayMs} ms after shown -> question shown ${press.toFixed(0)} ms ` +
      `(the app had run by the press in ${appRan} of ${runs})`,
  );
}
console.log(`bare page: ${bareMs.toFixed(0)} ms`);
