import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ORGANIZER_TOKEN = "e2e-organizer-token-5Tg8Wk2Mz9Qb4Lx7";

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real collector (src/server/main.ts) as a child process on SQLite in a temp dir: stopping it
 * is how a test cuts the network for the page AND its service worker, which setOffline() cannot.
 */
export class Collector {
  private child: ChildProcess | undefined;
  readonly dataDir = mkdtempSync(join(tmpdir(), "tsunagu-e2e-"));
  output = "";

  /** `env` adds to the child's environment (STATIC_DIR: serve another build of the app). */
  constructor(
    readonly port: number,
    readonly env: Record<string, string> = {},
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: {
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
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout?.on("data", (d) => {
      this.output += String(d);
    });
    child.stderr?.on("data", (d) => {
      this.output += String(d);
    });
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`collector exited ${child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.origin}/api/v1/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`collector did not start:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    this.child = undefined;
  }

  async api(path: string, init: RequestInit = {}): Promise<Response> {
    return await fetch(`${this.origin}/api/v1${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${ORGANIZER_TOKEN}`, ...(init.headers ?? {}) },
    });
  }
}
