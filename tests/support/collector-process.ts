import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** tsx as a loader, so a child runs the collector's TypeScript as it is. */
export const TSX = import.meta.resolve("tsx");

/** A port nothing listens on now (the OS picks it; the server is closed again at once). */
export async function freePort(): Promise<number> {
  return await new Promise((done, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface SpawnedCollector {
  child: ChildProcess;
  /** Resolves when the collector says it listens, or when it exits first. */
  ready: Promise<"listening" | "exited">;
  /** The exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/** The real collector's `main` (src/server/main.ts) as a child process in `cwd` with exactly `env`. */
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
