import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { freePort, TSX } from "../support/collector-process";

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The real collector (src/server/main.ts, the shipped surveys) as a child process over one data
 * directory or database, which outlives it: started, killed without warning, started again.
 */
export class CollectorProcess {
  private child: ChildProcess | undefined;
  origin = "";
  output = "";

  constructor(private readonly env: { DATA_DIR: string; DATABASE_URL: string; ORGANIZER_TOKEN: string }) {}

  async start(): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", TSX, "src/server/main.ts"], {
      cwd: ROOT,
      // The rate limit is not under test here: a round's few dozen requests must all reach ingest.
      env: { ...process.env, ...this.env, PORT: String(port), CORS_ORIGINS: "", RATE_LIMIT_BURST: "100000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout?.on("data", (d) => {
      this.output += String(d);
    });
    child.stderr?.on("data", (d) => {
      this.output += String(d);
    });
    this.origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`collector exited ${child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.origin}/api/v1/health`)).ok) return this.origin;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`collector did not start:\n${this.output}`);
  }

  /** SIGKILL: no handler runs, no request in flight finishes, nothing is flushed. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill(signal);
    await exited;
    this.child = undefined;
  }
}
