import type { Context } from "hono";

/** A CSV download: UTF-8, saved under `name`, never cached (it holds the survey's data). */
export function csvResponse(c: Context, name: string, body: string | ReadableStream<Uint8Array>): Response {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}"`);
  c.header("Cache-Control", "no-store");
  return c.body(body);
}
