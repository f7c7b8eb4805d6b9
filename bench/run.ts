// `npm run bench`: each figure beside a baseline measured in the same process, written to
// bench/RESULTS.md. Sizes need `vite build` first (the script runs it).
import { execSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../harness/chromium";
import { BATCH_MAX_ITEMS, BATCHES_PER_READ } from "../src/sync/batch";
import { browserBench } from "./browser";
import { ingestBench, tallyBench } from "./collector";
import { firstVisitBench, firstVisitSection } from "./first-visit";
import { ingestBenchPostgres } from "./ingest-postgres";
import { machineNotes } from "./machine";
import { describeCpu, totalCpu } from "./process-cpu";
import { postgresScale, sqliteScale } from "./tally-scale";

interface Row {
  figure: string;
  tsunagu: string;
  baseline: string;
  ratio: number;
  goal: string;
}

const rows: Row[] = [];
// The browser reports only tasks of 50 ms or more (long-task entries): none means all were shorter.
const longestTask = (ms: number) => (ms === 0 ? "under 50 ms" : `${ms.toFixed(0)} ms`);

execSync("npx vite build --logLevel error", { stdio: "inherit" });
// A respondent's first visit (bench/first-visit.ts): its bytes from the network log and its times
// against the bare page, in a section of their own with their intervals and goals.
const chromium = await launchChromium();
const firstVisit = await firstVisitBench(chromium, Number(process.env.BENCH_RUNS ?? 15)).finally(() =>
  chromium.close(),
);

const browser = await browserBench();
for (const p of ["p50", "p99"] as const)
  rows.push({
    figure: `submit → durably queued, ${p} of ${browser.queue.n} (ms)`,
    tsunagu: browser.queue.app[p].toFixed(1),
    baseline: browser.queue.raw[p].toFixed(1),
    ratio: browser.queue.app[p] / browser.queue.raw[p],
    goal: p === "p99" ? "≤ 2" : "—",
  });
rows.push({
  figure: `status after a sync pass (purge expired, then counts) with ${browser.status.n} sent records kept, Chromium 4x CPU throttle (ms, median of ${browser.status.reps}; the page's first: ${browser.status.first.toFixed(0)} ms, its longest task ${longestTask(browser.status.firstLongestTask)})`,
  tsunagu: browser.status.app.toFixed(1),
  baseline: browser.status.raw.toFixed(1),
  ratio: browser.status.app / browser.status.raw,
  goal: "—",
});
rows.push({
  figure: `drain ${browser.drain.n} queued responses to a collector on loopback (ms, median of ${browser.drain.rounds})`,
  tsunagu: browser.drain.app.toFixed(0),
  baseline: browser.drain.raw.toFixed(0),
  ratio: browser.drain.app / browser.drain.raw,
  goal: "≤ 1.5",
});

const n = Number(process.env.BENCH_N ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), "tsunagu-bench-"));
const ingest = await ingestBench(join(dir, "ingest.sqlite"), join(dir, "raw.sqlite"), n);
rows.push({
  figure: `ingest ${n} responses, SQLite (responses/s)`,
  tsunagu: ingest.app.toFixed(0),
  baseline: ingest.raw.toFixed(0),
  ratio: ingest.app / ingest.raw,
  goal: "≥ 0.5",
});
const pgUrl = process.env.DATABASE_URL;
if (pgUrl) {
  const pgIngest = await ingestBenchPostgres(pgUrl, n);
  rows.push({
    figure: `ingest ${n} responses, PostgreSQL (responses/s)`,
    tsunagu: pgIngest.app.toFixed(0),
    baseline: pgIngest.raw.toFixed(0),
    ratio: pgIngest.app / pgIngest.raw,
    goal: "≥ 0.5",
  });
} else console.warn("DATABASE_URL is unset: no PostgreSQL ingest figure");
const tally = await tallyBench(join(dir, "ingest.sqlite"));
rows.push({
  figure: `tallies by area over ${n} responses, SQLite (ms, median of ${tally.runs})`,
  tsunagu: tally.app.toFixed(1),
  baseline: tally.raw.toFixed(1),
  ratio: tally.app / tally.raw,
  goal: "≤ 1.2",
});

// Tallies at scale (bench/tally-scale.ts): BENCH_TALLY_N responses, 1,000,000 unless set (0: skip).
const scaleN = Number(process.env.BENCH_TALLY_N ?? 1_000_000);
if (scaleN > 0) {
  const scales = [await sqliteScale(join(dir, "scale.sqlite"), scaleN)];
  if (pgUrl) scales.push(await postgresScale(pgUrl, scaleN));
  for (const s of scales)
    rows.push({
      figure: `tallies ?wave=2026&by=q_area over ${s.n} responses, ${s.storage === "sqlite" ? "SQLite" : "PostgreSQL"} (ms, median of ${s.runs}; hand-written GROUP BY beside)`,
      tsunagu: s.route.toFixed(0),
      baseline: s.handWritten.toFixed(0),
      ratio: s.route / s.handWritten,
      goal: "≤ 1.2",
    });
}

const lines = [
  "# Benchmark results",
  "",
  `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  ...(await machineNotes(pgUrl)),
  "Each ratio is Tsunagu's figure over a baseline measured in the same run (`npm run bench`; `BENCH_N` sets the count).",
  "",
  "| figure | Tsunagu | baseline | ratio | goal |",
  "| --- | --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.figure} | ${r.tsunagu} | ${r.baseline} | ${r.ratio.toFixed(2)} | ${r.goal} |`),
  "",
  ...firstVisitSection(firstVisit),
  "",
  "Baselines: a raw better-sqlite3",
  "insert of the same rows into the same migrated tables in batches of 100 with the same pragmas (WAL,",
  "synchronous=FULL, foreign_keys=ON), precomputed, so the ratio is the collector's own per-item work;",
  "both sides warm up on 2,000 other rows, then alternate in 5 rounds; one hand-written",
  "GROUP BY on answer_choices for the same breakdown, run by run alternately with the tallies route.",
  "",
  "PostgreSQL ingest: the same rows through POST /responses on PostgreSQL, against one multi-row INSERT",
  "for responses and one for answer_choices per batch of 100 in a transaction, into the same migrated",
  "tables.",
  "Queueing: the outbox's enqueue (check, then a strict-durability transaction) awaited alone,",
  "as a submit is, against one put of the same response in its own strict-durability transaction, in",
  `the same page. Drain: one sync pass (src/sync syncOnce: batches of ${BATCH_MAX_ITEMS}, read from the outbox ${BATCHES_PER_READ} batches at a time, each batch's results written`,
  "back to the outbox without waiting for the disk: a lost write-back only sends again, answered duplicate;",
  "a batch's sent records leave the responses store by one range delete and go to the sent store as one value)",
  "against a fetch loop POSTing the same batches, each to a fresh collector, the two alternating in rounds",
  "(SQLite, production rate limit) on loopback, from a harness page (bench/browser/) on the collector's",
  "origin.",
  "",
  `Drain, where the median sync pass's time went: ${browser.drain.post.toFixed(0)} ms in the POSTs (the raw loop: ${browser.drain.raw.toFixed(0)} ms in all),`,
  `${browser.drain.apply.toFixed(0)} ms writing each batch's results back to IndexedDB (relaxed durability), ${browser.drain.take.toFixed(0)} ms reading pending records.`,
  "The three overlap (the next page is read and each batch's results are written back while the next POST",
  "is on the wire), and a read or write that waits behind another transaction counts its wait.",
  `The CPU it took, by process: ${describeCpu(browser.drain.appCpu)} (${(totalCpu(browser.drain.appCpu) / 1000).toFixed(1)} s in all); the raw loop's:`,
  `${describeCpu(browser.drain.rawCpu)} (${(totalCpu(browser.drain.rawCpu) / 1000).toFixed(1)} s). Chromium's browser process holds IndexedDB's backend, the renderer`,
  "is the page (the sync code, or the raw loop), and the bench's own process is the collector. With two cores for all of them, the",
  "drain's ratio is bound by that CPU: what the outbox's reads and writes cost beside the POSTs.",
  "",
  `Status after a sync pass: what the sync engine does after each pass, with ${browser.status.n} responses kept as sent`,
  "(a month of events on one tablet: sent ones stay 30 days): purgeExpired, then counts, in one open outbox, against IndexedDB's",
  "own count() of both stores in one transaction (the least a count can ask, telling no state apart), alternating. Each sent-store value is",
  "summarized once per open outbox and never rewritten under its key, so a pass reads only the values added",
  "since; the page's first call reads them all, and yields between values once a task has run 25 ms so as not to",
  "hold the page's thread (its longest task, from the browser's long-task entries; src/outbox/sent-summaries.ts).",
  "",
];
writeFileSync("bench/RESULTS.md", lines.join("\n"));
console.log(lines.join("\n"));
