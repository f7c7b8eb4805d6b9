// `npx tsx bench/ab-first-question.ts <dist> <dist>...`: the first-question figure of two or more builds
// of the app, each against the same bare page, runs alternating between all of them (BENCH_RUNS, 15 by
// default). For a change to the first screen: on this shared machine the figure swings by a third
// from hour to hour, so two builds are only compared in one run, side by side. Build the other one
// in a worktree: `git worktree add /tmp/before <rev> && (cd /tmp/before && npm ci && npx vite build)`.
import { join } from "node:path";
import { launchChromium } from "../tests/e2e/support/browser";
import { buildBarePage } from "./bare/build";
import { bareServer, collector, firstQuestionMs } from "./browser";
import { median } from "./median";

const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error("usage: npx tsx bench/ab-first-question.ts <dist> [<dist>...]");
const runs = Number(process.env.BENCH_RUNS ?? 15);
const bareDist = join(process.cwd(), ".tmp/bare-dist");
await buildBarePage(bareDist);
const browser = await launchChromium();
const apps = await Promise.all(dists.map((dist) => collector(dist)));
const bare = await bareServer(bareDist);
const appTimes: number[][] = dists.map(() => []);
const bareTimes: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    for (const [k, app] of apps.entries())
      appTimes[k]?.push(await firstQuestionMs(browser, `${app.origin}/s/ward-resident`, true));
    bareTimes.push(await firstQuestionMs(browser, `${bare.origin}/`, false));
  }
} finally {
  for (const app of apps) await app.close();
  await bare.close();
  await browser.close();
}
const bareMs = median(bareTimes);
for (const [k, dist] of dists.entries()) {
  const ms = median(appTimes[k] ?? []);
  console.log(`${dist}: ${ms.toFixed(0)} ms, ratio ${(ms / bareMs).toFixed(2)} (median of ${runs})`);
}
console.log(`bare page: ${bareMs.toFixed(0)} ms`);
