import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freshPgSchema, type PgSchema } from "../../harness/pg-schema";
import { type BackupItem, writeBackup } from "../../src/contract/backup";
import type { Response } from "../../src/domain/response";
import { createKyselyStorage, openPostgres, openSqlite, type Storage } from "../../src/server/storage";
import { run } from "./process-run";
import { FIXTURES, makeResponse } from "./support";

// These start real collector processes (tsx compiles at each start): on a busy machine that passes 20 s.
vi.setConfig({ testTimeout: 60_000 });

const CLI = resolve(import.meta.dirname, "../../src/server/cli/import-cli.ts");
const ROOT = resolve(import.meta.dirname, "../..");
const TSX = import.meta.resolve("tsx");
const DATABASE_URL = process.env.DATABASE_URL;

/** A place to run in: surveys/ holds the test surveys, as the collector's folder would. */
let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "tsunagu-import-"));
  cpSync(join(FIXTURES, "surveys"), join(cwd, "surveys"), { recursive: true });
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function backupFile(name: string, items: BackupItem[]): Promise<string> {
  const path = join(cwd, name);
  writeFileSync(path, JSON.stringify(await writeBackup(items, { deviceId: "tablet-7" })));
  return path;
}
const pending = (response: Response): BackupItem => ({ response, state: "pending" });

interface Target {
  name: string;
  unavailable?: string;
  setup(): Promise<{ env: Record<string, string>; open(): Storage; dispose(): Promise<void> }>;
}

const TARGETS: Target[] = [
  {
    name: "sqlite",
    setup: async () => {
      const dataDir = join(cwd, "data");
      return {
        env: { DATA_DIR: dataDir, DATABASE_URL: "" },
        open: () => createKyselyStorage(openSqlite(join(dataDir, "tsunagu.sqlite")), "sqlite"),
        dispose: async () => {},
      };
    },
  },
  {
    name: "postgres",
    ...(!DATABASE_URL && { unavailable: "DATABASE_URL is unset" }),
    setup: async () => {
      const pgSchema: PgSchema = await freshPgSchema(DATABASE_URL as string, "cli");
      return {
        env: { DATA_DIR: join(cwd, "data"), DATABASE_URL: pgSchema.url },
        open: () =>
          createKyselyStorage(
            openPostgres(DATABASE_URL as string, { searchPath: pgSchema.schema, max: 1 }),
            "postgres",
          ),
        dispose: pgSchema.drop,
      };
    },
  },
];

describe.each(TARGETS)("import CLI on $name", (target) => {
  describe.skipIf(target.unavailable !== undefined)(target.unavailable ?? "available", () => {
    it("imports a good file, prints the summary and the refused items, and a second run is all duplicates", async () => {
      const { env, open, dispose } = await target.setup();
      try {
        const good = [makeResponse(), makeResponse(), makeResponse()];
        const bad = makeResponse({ answers: { q_area: "x" } });
        const file = await backupFile("tablet-7.json", [...good.map(pending), pending(bad)]);
        const first = await run(process.execPath, ["--import", TSX, CLI, file], cwd, env);
        expect(first.stderr, first.stderr).toBe("");
        expect(first.code).toBe(0);
        expect(first.stdout).toContain("4 responses from tablet-7");
        expect(first.stdout).toContain("accepted 3 · duplicate 0 · conflict 0 · rejected 1");
        expect(first.stdout).toContain(`rejected ${bad.id}: answers.q_area: "x" is not an option`);

        const again = await run(process.execPath, ["--import", TSX, CLI, file], cwd, env);
        expect(again.code).toBe(0);
        expect(again.stdout).toContain("accepted 0 · duplicate 3 · conflict 0 · rejected 1");

        const storage = open();
        try {
          const ids = [...good, bad].map((r) => r.id);
          expect(await storage.storedIds(ids)).toEqual(good.map((r) => r.id));
        } finally {
          await storage.close();
        }
      } finally {
        await dispose();
      }
    });

    it("refuses a damaged file with a clear message, exits 1 and stores nothing", async () => {
      const { env, open, dispose } = await target.setup();
      try {
        const response = makeResponse();
        const file = await backupFile("damaged.json", [pending(response)]);
        writeFileSync(
          file,
          (await import("node:fs")).readFileSync(file, "utf8").replace('"north"', '"south"'),
        );
        const result = await run(process.execPath, ["--import", TSX, CLI, file], cwd, env);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${file}: damaged backup: the checksum does not match`);
        expect(result.stderr).toContain("nothing was imported");
        expect(result.stdout).toBe("");
        // Refused before the database was opened: for SQLite not even the file exists.
        if (target.name === "sqlite") expect(existsSync(join(cwd, "data", "tsunagu.sqlite"))).toBe(false);
        else {
          const storage = open();
          try {
            await storage.migrate();
            expect(await storage.storedIds([response.id])).toEqual([]);
          } finally {
            await storage.close();
          }
        }
      } finally {
        await dispose();
      }
    });
  });
});

describe("npm run import", () => {
  it("resolves the file from where it was typed, and explains a foreign file", async () => {
    const elsewhere = join(cwd, "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "export.json"), JSON.stringify({ format: "odk-collect", submissions: [] }));
    const result = await run(
      "npm",
      ["run", "--silent", "--prefix", ROOT, "import", "--", "export.json"],
      elsewhere,
      {
        DATA_DIR: join(cwd, "data"),
        DATABASE_URL: "",
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${join(elsewhere, "export.json")}: not a Tsunagu backup: format is "odk-collect"`,
    );
  });

  it("says how to call it without a file", async () => {
    const result = await run(process.execPath, ["--import", TSX, CLI], cwd, {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: npm run import -- FILE/);
  });
});
