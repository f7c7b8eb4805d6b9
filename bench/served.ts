// The servers the browser benches open their pages on: a collector of their own, or any fetch handler.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { DEFAULT_RATE_LIMIT } from "../src/server/http/rate-limit";
import { DEFAULT_INTAKE_LIMITS } from "../src/server/responses/intake";
import { createKyselyStorage, openSqlite, type Storage } from "../src/server/storage";
import { benchApp } from "./bench-app";

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/**
 * A collector on a fresh SQLite file, serving `staticDir`, with the production rate limit.
 * `withoutHeaders` are taken off its answers (the first question without COOP, to show what its
 * process swap costs).
 */
export async function collector(
  staticDir: string,
  withoutHeaders: readonly string[] = [],
): Promise<Served & { storage: Storage }> {
  const storage = createKyselyStorage(
    openSqlite(join(mkdtempSync(join(tmpdir(), "tsunagu-bench-")), "t.sqlite")),
    "sqlite",
  );
  await storage.migrate();
  const app = benchApp(storage, {
    staticDir,
    rateLimit: DEFAULT_RATE_LIMIT,
    // The drain sends 10,000 answers from 127.0.0.1: one address far past its hourly limit.
    intakeLimits: { ...DEFAULT_INTAKE_LIMITS, addressCounted: 1_000_000, addressStored: 1_000_000 },
  });
  const served = await listen(
    withoutHeaders.length === 0
      ? app.fetch
      : async (req) => {
          const res = await app.fetch(req);
          const headers = new Headers(res.headers);
          for (const name of withoutHeaders) headers.delete(name);
          return new Response(res.body, { status: res.status, headers });
        },
  );
  return {
    ...served,
    storage,
    close: async () => {
      await served.close();
      await storage.close();
    },
  };
}
