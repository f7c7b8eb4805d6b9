import { Hono } from "hono";
import type { AppDeps } from "../deps";

export function healthRoutes({ storage }: Pick<AppDeps, "storage">): Hono {
  return new Hono().get("/health", (c) => c.json({ ok: true as const, storage: storage.kind }));
}
