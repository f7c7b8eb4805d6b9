// `npm run chaos`: the chaos test at full size. 10,000 responses (CHAOS_N) queued offline in a
// fake-indexeddb outbox, drained by the real sync engine into the real collector app through 30%
// injected faults (CHAOS_FAULT_RATE): 5xx, 429/503 with Retry-After, network error before the
// collector stores, connection lost after it stored, 413. On SQLite, and on PostgreSQL too when
// DATABASE_URL is set. Prints the figures; exits 1 if anything was lost, duplicated or left queued.
import { resolve } from "node:path";
import { type ChaosFigures, runChaos } from "../harness/chaos/chaos";
import { type ChaosStorage, chaosPostgres, chaosSqlite } from "../harness/chaos/storages";
import { loadSurveyRegistry } from "../src/server/surveys";
import { BATCH_MAX_ITEMS } from "../src/sync";

const count = Number(process.env.CHAOS_N ?? 10_000);
const faultRate = Number(process.env.CHAOS_FAULT_RATE ?? 0.3);
const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const maxItems = Number(process.env.CHAOS_BATCH ?? BATCH_MAX_ITEMS);
// Reading every record back after each pass costs more than the pass; every 10th keeps it honest.
const checkEvery = Number(process.env.CHAOS_CHECK_EVERY ?? 10);
const surveys = loadSurveyRegistry([
  resolve(import.meta.dirname, "../surveys"),
  resolve(import.meta.dirname, "../surveys/archive"),
]);

const targets: { name: string; open(): Promise<ChaosStorage> }[] = [{ name: "sqlite", open: chaosSqlite }];
if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  targets.push({ name: "postgres", open: () => chaosPostgres(url) });
} else console.log("PostgreSQL: skipped (DATABASE_URL is unset)");

let failed = false;
for (const target of targets) {
  const opened = await target.open();
  try {
    const figures = await runChaos({ count, faultRate, seed, maxItems, checkEvery, ...opened, surveys });
    console.log(report(figures));
    const { audit, outbox } = figures;
    const ok =
      audit.lost.length === 0 &&
      audit.duplicated === 0 &&
      audit.unknown.length === 0 &&
      audit.altered.length === 0 &&
      figures.sentBeforeStored === 0 &&
      outbox.pending === 0 &&
      outbox.sent === count;
    if (!ok) failed = true;
    console.log(ok ? "PASS\n" : "FAIL\n");
  } finally {
    await opened.dispose();
  }
}
process.exit(failed ? 1 : 0);

function report(f: ChaosFigures): string {
  const injected = Object.values(f.faults).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(f.faults)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return [
    `── chaos on ${f.storage} (seed ${f.seed}, ${maxItems} a batch, ${Math.round(faultRate * 100)}% faults)`,
    `responses queued offline: ${f.responses} (${f.ms.enqueue} ms)`,
    `requests: ${f.requests} in ${f.passes} sync passes (${f.ms.sync} ms)`,
    `faults injected: ${injected} (${((100 * injected) / f.requests).toFixed(1)}% of requests): ${kinds}`,
    `Retry-After read by the engine: ${f.retryAfterSeen} of ${f.faults["retry-after"]}`,
    `database: ${f.audit.rows} rows, ${f.audit.distinctIds} distinct ids`,
    `lost: ${f.audit.lost.length} · duplicated: ${f.audit.duplicated} · not sent by any device: ${f.audit.unknown.length} · altered: ${f.audit.altered.length}`,
    `outbox: pending ${f.outbox.pending} · sent ${f.outbox.sent} · rejected ${f.outbox.rejected} · conflict ${f.outbox.conflict}`,
    `marked sent before the collector held it (checked every ${checkEvery} passes): ${f.sentBeforeStored}`,
  ].join("\n");
}
