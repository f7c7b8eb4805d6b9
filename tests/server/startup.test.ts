import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAIN, ROOT, spawnCollector } from "../../harness/collector";
import { freePort } from "../../harness/free-port";
import { resolveOrganizerToken } from "../../src/server/auth/organizer-token";
import { readConfig } from "../../src/server/cli/config";
import { FIXTURES } from "./support";

// These start real collector processes (tsx compiles at each start): on a busy machine that passes 20 s.
vi.setConfig({ testTimeout: 60_000 });

/** A token as strong as start-up asks: 43 characters, like the generated one. */
const STRONG = "startup-test-token-7Qm2Xc9Lp4Rz8Kw1Vb6Nd3Hj5";

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "tsunagu-start-"));
  mkdirSync(join(cwd, "surveys"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** The real main.ts in `cwd`; resolves when it listens or exits. */
function start(env: Record<string, string>) {
  return spawnCollector(resolve(ROOT, MAIN), cwd, {
    ...process.env,
    DATABASE_URL: "",
    ORGANIZER_TOKEN: "",
    CORS_ORIGINS: "",
    ...env,
  });
}

describe("start-up", () => {
  it("refuses to start on a bad survey file, naming the file and the problem's path", async () => {
    copyFileSync(join(FIXTURES, "bad", "broken-survey.json"), join(cwd, "surveys", "broken-survey.json"));
    const run = start({ DATA_DIR: join(cwd, "data"), PORT: String(await freePort()) });
    expect(await run.ready).toBe("exited");
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(join(cwd, "surveys", "broken-survey.json"));
    expect(run.output()).toContain('indicators.0.positive.0: "zzz" is not an option of "q_one"');
  });

  it("refuses to start with a weak ORGANIZER_TOKEN, saying why", async () => {
    const run = start({ DATA_DIR: join(cwd, "data"), PORT: String(await freePort()), ORGANIZER_TOKEN: "a" });
    expect(await run.ready).toBe("exited");
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      "the collector did not start: ORGANIZER_TOKEN is too weak: it is 1 characters long; it needs at least 32",
    );
  });

  it("generates the organizer token once, keeps it 0600, reuses it, serves the API and stops on SIGTERM", async () => {
    for (const name of ["ward-test-v1.json", "ward-test-v2.json"])
      copyFileSync(join(FIXTURES, "surveys", name), join(cwd, "surveys", name));
    const dataDir = join(cwd, "data");
    const port = await freePort();

    const first = start({ DATA_DIR: dataDir, PORT: String(port) });
    expect(await first.ready).toBe("listening");
    const tokenFile = join(dataDir, "organizer-token");
    const token = readFileSync(tokenFile, "utf8").trim();
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(first.output()).toContain(`ORGANIZER TOKEN (shown once, kept in ${tokenFile}): ${token}`);
    expect(first.output()).toContain("the app is not built");
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toEqual({ ok: true, storage: "sqlite" });
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = start({ DATA_DIR: dataDir, PORT: String(port) });
    expect(await second.ready).toBe("listening");
    expect(second.output()).not.toContain(token);
    const tallies = await fetch(`http://127.0.0.1:${port}/api/v1/surveys/ward-test/tallies`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(tallies.status).toBe(200);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });
});

describe("configuration", () => {
  it("reads the environment with defaults for one machine", () => {
    const config = readConfig({}, "/srv/tsunagu");
    expect(config).toMatchObject({
      port: 8080,
      dataDir: "/srv/tsunagu/data",
      databaseUrl: undefined,
      organizerToken: undefined,
      corsOrigins: [],
      staticDir: "/srv/tsunagu/dist",
    });
    const set = readConfig(
      {
        PORT: "9000",
        CORS_ORIGINS: "https://a.example, https://b.example/",
        DATA_DIR: "/var/lib/t",
        STATIC_DIR: "build/b",
      },
      "/srv",
    );
    expect(set).toMatchObject({
      port: 9000,
      dataDir: "/var/lib/t",
      staticDir: "/srv/build/b",
      corsOrigins: ["https://a.example", "https://b.example"],
    });
    expect(() => readConfig({ PORT: "http" })).toThrow(/PORT/);
  });

  it("prefers ORGANIZER_TOKEN to the kept file", () => {
    expect(resolveOrganizerToken(STRONG, cwd)).toEqual({ token: STRONG, source: "env" });
  });

  it.each([
    ["a", /ORGANIZER_TOKEN is too weak: it is 1 characters long; it needs at least 32/],
    ["test-organizer-token", /it is 20 characters long/],
    ["a".repeat(64), /it uses only 1 different characters; it needs at least 8/],
    ["password".repeat(4), /it uses only 7 different characters/],
    [`${STRONG} x`, /a space/],
  ])("refuses a weak ORGANIZER_TOKEN (%j), saying why and what to do", (token, reason) => {
    expect(() => resolveOrganizerToken(token, cwd)).toThrow(reason);
    expect(() => resolveOrganizerToken(token, cwd)).toThrow(/openssl rand -base64 32/);
  });

  it("takes a generated token, a UUID and openssl's, and refuses a weak one kept in DATA_DIR", () => {
    for (const token of [
      "3JQ8v0mT6sNnD7c2kq1Xf9wLZr5uYp4bHgE-Aa_oVyI",
      "0191c3a4-7b2e-7c3d-9f10-2a4b6c8d0e1f",
      "q4kzvG6L1S7sWc0n8X0Jm2pXvHnJt5m6u8T5y1bW6tE=",
    ])
      expect(resolveOrganizerToken(token, cwd).token).toBe(token);
    writeFileSync(join(cwd, "organizer-token"), "secret\n");
    expect(() => resolveOrganizerToken(undefined, cwd)).toThrow(
      new RegExp(`the organizer token in ${join(cwd, "organizer-token")} is too weak.*Delete the file`),
    );
  });
});
