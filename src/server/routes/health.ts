import { Hono } from "hono";
import type { DepsWith } from "../deps";
import type { Storage } from "../storage/storage";

export function healthRoutes({ storage }: DepsWith<Pick<Storage, "kind">>): Hono {
  return new Hono().get("/health", (c) => c.json({ ok: true as const, storage: storage.kind }));
}
