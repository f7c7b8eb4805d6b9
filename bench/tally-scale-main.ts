// `npx tsx bench/tally-scale-main.ts`: the tallies-at-scale figures alone (BENCH_TALLY_N responses,
// 1,000,000 by default; PostgreSQL too when DATABASE_URL is set). `npm run bench` runs the same.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresScale, sqliteScale } from "./tally-scale";

const n = Number(process.env.BENCH_TALLY_N ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "tsunagu-scale-"));
const only = process.env.BENCH_TALLY_ONLY;
if (process.env.BENCH_KEEP) console.log(`keeping ${dir}`);
try {
  if (only !== "postgres") console.log(JSON.stringify(await sqliteScale(join(dir, "scale.sqlite"), n)));
  if (only !== "sqlite" && process.env.DATABASE_URL)
    console.log(JSON.stringify(await postgresScale(process.env.DATABASE_URL, n)));
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
