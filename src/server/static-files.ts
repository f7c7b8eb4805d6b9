import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";

/**
 * sw.js and index.html (and every other unhashed file) must be revalidated on each load or an
 * update never arrives; Vite's hashed files under /assets/ never change, so they are cached for good.
 */
function cacheControl(requestPath: string): string {
  return requestPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

/** serveStatic answers a found file with its Response and a missing one by calling next(). */
function withCacheControl(serve: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const res = await serve(c, next);
    if (res instanceof Response) res.headers.set("Cache-Control", cacheControl(c.req.path));
    return res;
  };
}

/** Files from `root`, then index.html for any other GET outside /api (client-side routes). */
export function staticFiles(root: string): MiddlewareHandler[] {
  const index = join(root, "index.html");
  const files = withCacheControl(serveStatic({ root }));
  const spa = withCacheControl(serveStatic({ path: index }));
  const fallback: MiddlewareHandler = async (c, next) => {
    // A missing /assets/ file or a path with an extension is a real 404, not a page of the app.
    const path = c.req.path;
    if (path.startsWith("/api/") || path.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(path)) return next();
    if (!existsSync(index)) return next();
    return spa(c, next);
  };
  return [files, fallback];
}
