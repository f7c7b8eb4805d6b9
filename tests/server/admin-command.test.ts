import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { passwordMatches } from "../../src/server/auth/password";
import { runAdminCommand } from "../../src/server/cli/admin-command";
import { createKyselyStorage, openSqlite, type Storage } from "../../src/server/storage";
import { PASSWORD } from "./account-support";
import { describeEachStorage } from "./support";

// One test starts the real command (tsx compiles at each start): on a busy machine that takes a while.
vi.setConfig({ testTimeout: 60_000 });

describeEachStorage("npm run admin -- create", (variant) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, dispose } = await variant.open());
    await storage.migrate();
  });
  afterEach(async () => dispose());

  const run = async (args: string[], password = PASSWORD) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCommand(args, {
      storage,
      readPassword: async () => `${password}\n`,
      output: { out: (l) => out.push(l), err: (l) => err.push(l) },
      now: () => new Date("2026-06-01T00:00:00Z"),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("makes an admin of every survey, with the password's argon2id hash, and audits it", async () => {
    expect(await storage.hasActiveAdmin()).toBe(false);
    const done = await run(["create", "tanaka", "--name", "田中"]);
    expect(done).toMatchObject({ code: 0, err: "" });
    const account = await storage.accountByLogin("tanaka");
    expect(account).toMatchObject({ displayName: "田中", role: "admin", surveys: "all", disabledAt: null });
    expect(await passwordMatches(account?.passwordHash, PASSWORD)).toBe(true);
    expect(await passwordMatches(account?.passwordHash, `${PASSWORD}\n`)).toBe(false);
    expect(await storage.hasActiveAdmin()).toBe(true);
    const [entry] = await storage.auditEntries({ limit: 5 });
    expect(entry).toMatchObject({ actor: "console", action: "account_created", target: "tanaka" });
  });

  it("refuses a taken login, a weak password, a bad login and wrong usage, creating nothing", async () => {
    expect((await run(["create", "tanaka"])).code).toBe(0);
    expect(await run(["create", "tanaka"])).toMatchObject({ code: 1, err: expect.stringMatching(/taken/) });
    expect(await run(["create", "sato"], "short")).toMatchObject({
      code: 1,
      err: expect.stringMatching(/12/),
    });
    expect((await run(["create", "Sato Taro"])).code).toBe(1);
    expect((await run(["create"])).code).toBe(2);
    expect((await run(["delete", "tanaka"])).code).toBe(2);
    expect((await run(["create", "sato", "--extra"])).code).toBe(2);
    expect((await storage.listAccounts()).map((a) => a.login)).toEqual(["tanaka"]);
  });
});

it("runs as npm run admin does, reading the password from ADMIN_PASSWORD", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tsunagu-admin-"));
  try {
    const root = resolve(import.meta.dirname, "../..");
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/server/cli/admin-cli.ts", "create", "tanaka"],
        {
          cwd: root,
          env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ADMIN_PASSWORD: PASSWORD },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += String(d);
      });
      child.once("close", (code) => done({ code, stderr }));
    });
    expect(result).toEqual({ code: 0, stderr: "" });
    const storage = createKyselyStorage(openSqlite(join(dataDir, "tsunagu.sqlite")), "sqlite");
    expect((await storage.accountByLogin("tanaka"))?.role).toBe("admin");
    await storage.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
