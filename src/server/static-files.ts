import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";

/**
 * The built app. sw.js and index.html must be revalidated on every load or an update never
 * arrives; Vite's hashed files under /assets/ never change, so they are cached for good.
 */
function cacheHeaders(path: string, c: Context): void {
  const name = path.replaceAll("\\", "/");
  if (/\/assets\//.test(name)) c.header("Cache-Control", "public, max-age=31536000, immutable");
  else c.header("Cache-Control", "no-cache");
}

/** Files from `root`, then index.html for any other GET outside /api (client-side routes). */
export function staticFiles(root: string): MiddlewareHandler[] {
  const files = serveStatic({ root, onFound: cacheHeaders });
  const index = join(root, "index.html");
  const spa = serveStatic({ path: index, onFound: cacheHeaders });
  const fallback: MiddlewareHandler = async (c, next) => {
    // A missing /assets/ file or a path with an extension is a real 404, not a page of the app.
    if (
      c.req.path.startsWith("/api/") ||
      c.req.path.startsWith("/assets/") ||
      /\.[a-z0-9]+$/i.test(c.req.path)
    )
      return next();
    if (!existsSync(index)) return next();
    return spa(c, next);
  };
  return [files, fallback];
}
