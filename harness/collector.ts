import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "./free-port";

/** The repository: the collector runs from here, so it serves surveys/ and dist/ as shipped. */
export const ROOT = resolve(import.meta.dirname, "..");
/** tsx as a loader, so a child runs the collector's TypeScript as it is. */
export const TSX = import.meta.resolve("tsx");
/** The collector's entry point, relative to ROOT. */
export const MAIN = "src/server/cli/main.ts";

export const ORGANIZER_TOKEN = "e2e-organizer-token-5Tg8Wk2Mz9Qb4Lx7";

export interface SpawnedCollector {
  child: ChildProcess;
  /** Resolves when the collector says it listens, or when it exits first. */
  ready: Promise<"listening" | "exited">;
  /** The exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/**
 * The real collector's `main` as a child process in `cwd` with exactly `env`: for the tests of
 * start-up itself (what it prints, how it exits). Everything else uses Collector, built on it.
 */
export function spawnCollector(main: string, cwd: string, env: NodeJS.ProcessEnv): SpawnedCollector {
  const child = spawn(process.execPath, ["--import", TSX, main], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const ready = new Promise<"listening" | "exited">((done) => {
    const onData = (d: Buffer) => {
      output += String(d);
      if (output.includes("listening on http://")) done("listening");
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => done("exited"));
  });
  return { child, ready, exited, output: () => output };
}

/**
 * The real collector (src/server/cli/main.ts, the shipped surveys) as a child process on SQLite in its
 * own directory or on the PostgreSQL schema `env.DATABASE_URL` names: started, stopped (which is how
 * a test cuts the network for a page AND its service worker, which setOffline() cannot), killed
 * without warning, started again on the same data.
 */
export class Collector {
  readonly dataDir: string;
  private spawned: SpawnedCollector | undefined;
  private earlierOutput = "";
  private port: number | undefined;

  /**
   * `fixedPort` is kept across restarts, so a page's origin (and its service worker) outlives a
   * stop; unset: a free port at each start, for a runner that kills and restarts with clients still
   * connected. `env` adds last to the child's environment (STATIC_DIR, DATABASE_URL, ORGANIZER_TOKEN,
   * limits…). `dataDir` holds its SQLite file and generated token, outliving the process; unset: a
   * new temp dir.
   */
  constructor(
    private readonly fixedPort?: number,
    private readonly env: Record<string, string> = {},
    dataDir?: string,
  ) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), "tsunagu-collector-"));
    this.port = fixedPort;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything it printed, over every start. */
  get output(): string {
    return this.earlierOutput + (this.spawned?.output() ?? "");
  }

  /** Resolves with its origin once /api/v1/health answers; throws if it exits first. */
  async start(): Promise<string> {
    this.port = this.fixedPort ?? (await freePort());
    if (this.spawned) this.earlierOutput += this.spawned.output();
    const spawned = spawnCollector(MAIN, ROOT, {
      ...process.env,
      PORT: String(this.port),
      DATA_DIR: this.dataDir,
      ORGANIZER_TOKEN,
      DATABASE_URL: "",
      // Every test resident answers from 127.0.0.1: one address for hundreds of answers, as a
      // carrier's shared address would be. The limits per address have tests of their own
      // (tests/server/intake.test.ts, tests/security/flood.test.ts).
      ADDRESS_COUNTED_PER_HOUR: "1000000",
      ADDRESS_STORED_PER_HOUR: "1000000",
      ...this.env,
    });
    this.spawned = spawned;
    for (let i = 0; i < 600; i++) {
      if (spawned.child.exitCode !== null)
        throw new Error(`collector exited ${spawned.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.origin}/api/v1/health`)).ok) return this.origin;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`collector did not start:\n${this.output}`);
  }

  /** SIGTERM: it finishes what it is doing and closes its storage. */
  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  /** SIGKILL: no handler runs, no request in flight finishes, nothing is flushed. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** A request to its API as the organizer. */
  async api(path: string, init: RequestInit = {}): Promise<Response> {
    return await fetch(`${this.origin}/api/v1${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${this.env.ORGANIZER_TOKEN ?? ORGANIZER_TOKEN}`,
        ...(init.headers ?? {}),
      },
    });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.spawned?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await this.spawned?.exited;
  }
}
