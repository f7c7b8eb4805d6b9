import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  dumpAll,
  fillCollector,
  PLACES,
  type Place,
  type PlaceKind,
  placesDisposedAfterEach,
} from "./backup-support";
import { run } from "./process-run";

// Each run starts a process that compiles the CLI with tsx: slow on a busy machine.
vi.setConfig({ testTimeout: 240_000 });

const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "src/server/cli/backup-cli.ts");
const TSX = import.meta.resolve("tsx");
const [sqlite, postgres] = PLACES as [PlaceKind, PlaceKind];

const cli = (args: string[], cwd: string, env: Record<string, string>) =>
  run(process.execPath, ["--import", TSX, CLI, ...args], cwd, env);

/** Places made by a test, disposed after it. */
const create = placesDisposedAfterEach();

/** A dump without the audit row the backup command wrote into its source after its snapshot. */
async function dumpBeforeBackup(place: Place) {
  const dump = await dumpAll(place.backup());
  const audit = dump.audit_log ?? [];
  const taken = audit.filter(
    (row) => (JSON.parse(row) as { action: string }).action === "collector_backed_up",
  );
  expect(taken).toHaveLength(1);
  return { ...dump, audit_log: audit.filter((row) => !taken.includes(row)) };
}

describe("npm run backup and npm run restore", () => {
  it("back up from where the command is typed, restore into an empty DATA_DIR, and refuse one holding data", async () => {
    const source = await create(sqlite);
    const filled = await fillCollector(source.storage());
    const typedIn = join(source.config.dataDir, "..", "elsewhere");
    mkdirSync(typedIn);
    const backup = await run(
      "npm",
      ["run", "--silent", "--prefix", ROOT, "backup", "--", "nightly.jsonl.gz"],
      typedIn,
      source.env,
    );
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const file = join(typedIn, "nightly.jsonl.gz");
    expect(backup.stdout).toMatch(
      new RegExp(`^wrote ${file} \\(\\d+ bytes\\): \\d+ rows of SQLite in ${source.config.dataDir} as of `),
    );
    expect(backup.stdout).toContain(`responses ${filled.responses},`);

    const target = await create(sqlite);
    const restore = await cli(["restore", file], typedIn, target.env);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`restored ${file} (taken `);
    expect(await dumpAll(target.backup())).toEqual(await dumpBeforeBackup(source));

    const again = await cli(["restore", file], typedIn, target.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      new RegExp(
        `^the target already holds data \\(survey_versions: 2 rows, responses: ${filled.responses} rows, `,
      ),
    );
    expect(again.stderr).toContain("\nnothing was restored\n");

    const exists = await cli(["backup", file], typedIn, source.env);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toBe(
      `${file} exists already: a backup never replaces a file\nnothing was written\n`,
    );
  });

  it("say how to call them", async () => {
    const place = await create(sqlite);
    const result = await cli(["restore"], place.config.dataDir, place.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: npm run restore -- FILE/);
  });
});

describe.skipIf(postgres.unavailable !== undefined)("npm run move-to-postgres", () => {
  it("copies the SQLite collector of DATA_DIR into the empty PostgreSQL of DATABASE_URL, keeping the backup it went through", async () => {
    const from = await create(sqlite);
    await fillCollector(from.storage());
    const to = await create(postgres);
    const result = await cli(["move-to-postgres"], from.config.dataDir, {
      DATA_DIR: from.config.dataDir,
      DATABASE_URL: to.env.DATABASE_URL as string,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^wrote ${join(from.config.dataDir, "backups", "move-to-postgres-")}`),
    );
    expect(result.stdout).toContain("into PostgreSQL");
    expect(await dumpAll(to.backup())).toEqual(await dumpBeforeBackup(from));
  });
});
