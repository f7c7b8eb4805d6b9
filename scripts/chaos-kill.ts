// `npm run chaos:kill`: the SIGKILL test with more rounds (KILL_ROUNDS, default 10). The real
// collector (src/server/main.ts) ingests batches from KILL_CLIENTS clients at once and is killed
// with SIGKILL at a random moment, then restarted on the same data, round after round; on SQLite,
// and on PostgreSQL (a schema of its own) when DATABASE_URL is set. Prints the figures; exits 1 if
// an acknowledged id is missing after a restart, or anything is duplicated, altered or invented.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditDatabase } from "../harness/chaos/audit";
import { type KillTarget, postgresKillTarget, sqliteKillTarget } from "../harness/chaos/kill-targets";
import { runKills } from "../harness/chaos/sigkill";

const rounds = Number(process.env.KILL_ROUNDS ?? 10);
const concurrency = Number(process.env.KILL_CLIENTS ?? 4);
const seed = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

const targets: KillTarget[] = [sqliteKillTarget];
const url = process.env.DATABASE_URL;
if (url) targets.push(postgresKillTarget(url));
else console.log("PostgreSQL: skipped (DATABASE_URL is unset)");

let failed = false;
for (const target of targets) {
  const dir = mkdtempSync(join(tmpdir(), "tsunagu-kill-"));
  const { databaseUrl, open, dispose } = await target.setup(dir);
  try {
    const started = performance.now();
    const f = await runKills({ rounds, seed, concurrency, dataDir: dir, databaseUrl });
    const ms = Math.round(performance.now() - started);
    const db = open();
    const audit = await auditDatabase(db, f.sent, f.acknowledged);
    await db.destroy();
    const ok =
      f.missingAfterRestart === 0 &&
      f.refused === 0 &&
      audit.lost.length === 0 &&
      audit.duplicated === 0 &&
      audit.unknown.length === 0 &&
      audit.altered.length === 0 &&
      audit.rows === f.sent.size;
    if (!ok) failed = true;
    console.log(
      [
        `── SIGKILL on ${target.name} (seed ${seed}, ${rounds} kills, ${concurrency} clients)`,
        `requests: ${f.requests} · answered 200 before a kill: ${f.answered} · cut by a kill: ${f.cut}`,
        `kills at ms after each round's first answer: ${f.killDelaysMs.join(", ")}`,
        `responses sent: ${f.sent.size} · acknowledged (accepted/duplicate) in the killed rounds: ${f.acknowledgedBeforeLastStart}, after the last start: ${f.acknowledged.size - f.acknowledgedBeforeLastStart}`,
        `acknowledged but missing after a restart: ${f.missingAfterRestart}`,
        `stored though their request was cut (killed after the commit, before the answer): ${f.storedButCut}`,
        `database after the last restart and resend: ${audit.rows} rows, ${audit.distinctIds} distinct ids`,
        `lost: ${audit.lost.length} · duplicated: ${audit.duplicated} · not sent by any client: ${audit.unknown.length} · altered: ${audit.altered.length}`,
        `time: ${ms} ms`,
        ok ? "PASS\n" : "FAIL\n",
      ].join("\n"),
    );
  } finally {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
