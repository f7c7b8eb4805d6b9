// `npx tsx bench/first-visit-main.ts`: bench/first-visit.ts alone (BENCH_RUNS rounds, 15 unless
// set), its section of bench/RESULTS.md replaced in place; `npm run bench` writes it with the rest.
// Needs `npx vite build` first; BENCH_DIST serves another build than ./dist. BENCH_WRITE=0 prints
// the section and leaves bench/RESULTS.md as it is (a before/after on a branch, not the record).
import { readFileSync, writeFileSync } from "node:fs";
import { launchChromium } from "../harness/chromium";
import { firstVisitBench, firstVisitSection } from "./first-visit";

const browser = await launchChromium();
const figures = await firstVisitBench(
  browser,
  Number(process.env.BENCH_RUNS ?? 15),
  process.env.BENCH_DIST,
).finally(() => browser.close());
const section = firstVisitSection(figures).join("\n");
console.log(section);
if (process.env.BENCH_WRITE === "0") process.exit(0);
const results = readFileSync("bench/RESULTS.md", "utf8");
const start = results.indexOf("<!-- first-visit:start -->");
const end = results.indexOf("<!-- first-visit:end -->");
if (start < 0 || end < 0) throw new Error("bench/RESULTS.md has no first-visit section to replace");
writeFileSync(
  "bench/RESULTS.md",
  `${results.slice(0, start)}${section}${results.slice(end + "<!-- first-visit:end -->".length)}`,
);
