import type { Context, MiddlewareHandler } from "hono";

export type LogLine = (line: string) => void;

/**
 * The path as the client sent it, still percent-encoded: c.req.path is decoded, and a %0A in it
 * would end the line and let a request write a forged one into the log. The URL parser leaves no
 * control character in a pathname; any that came through some other way is escaped all the same,
 * so one request is always one line.
 */
export function loggedPath(c: Context): string {
  return new URL(c.req.url).pathname.replace(
    /\p{Cc}/gu,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/**
 * One line a request: method, path, status, duration. Never the query, body, IP address or user
 * agent: respondents are anonymous, and logs outlive the database's access rules.
 */
export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    log(`${c.req.method} ${loggedPath(c)} ${c.res.status} ${ms}ms`);
  };
}
