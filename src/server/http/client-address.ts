import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The address a request came from, for the rate limiter only (it is never stored or logged).
 * Behind `trustedProxyHops` reverse proxies, each appends the address it saw to X-Forwarded-For, so
 * the client is that many entries from the right; anything further left was written by the client
 * and cannot be trusted. Without proxies the header is ignored: a client could put anything there.
 */
export function clientAddress(trustedProxyHops: number): (c: Context) => string | undefined {
  return (c) => {
    if (trustedProxyHops > 0) {
      const hops = (c.req.header("X-Forwarded-For") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const fromRight = hops[hops.length - trustedProxyHops];
      if (fromRight) return fromRight;
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // no socket: app.request() in a test
    }
  };
}
