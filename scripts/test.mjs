#!/usr/bin/env node
// `npm test`: lint, type check, unit and collector tests, build, budget, then the Chromium suites.
// A suite that cannot run here (no DATABASE_URL, no Chromium) is skipped loudly; under CI=true a
// skipped suite fails the run, so a green CI always means every suite ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const ci = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skipped = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function vitest(title, args, reportFile) {
  rmSync(reportFile, { force: true });
  run(title, "npx", [
    "vitest",
    "run",
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
  ]);
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  return report;
}

mkdirSync(".tmp", { recursive: true });
run("lint and format", "npx", ["biome", "check", "."]);
run("type check", "npm", ["run", "--silent", "typecheck"]);

if (!process.env.DATABASE_URL) skipped.push("PostgreSQL storage tests: DATABASE_URL is unset");
vitest("unit and collector tests", [], ".tmp/unit.json");

run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
vitest("built app: size budget", ["-c", "vitest.build.config.ts"], ".tmp/build.json");

if (existsSync(chromium)) {
  const report = vitest("browser tests (Chromium)", ["-c", "vitest.e2e.config.ts"], ".tmp/e2e.json");
  if (report.numPassedTests === 0) {
    console.error("✗ the browser suite ran no test");
    process.exit(1);
  }
} else {
  skipped.push(`browser tests: no Chromium at ${chromium} (apt-get install -y chromium)`);
}

if (skipped.length > 0) {
  console.warn("\n!!!!!!!!!! SKIPPED SUITES !!!!!!!!!!");
  for (const s of skipped) console.warn(`!! ${s}`);
  console.warn("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.failed > 0) process.exit(1);
if (ci && skipped.length > 0) {
  console.error("✗ CI=true: every suite must run");
  process.exit(1);
}
