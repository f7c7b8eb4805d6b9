import type { MiddlewareHandler } from "hono";

export type LogLine = (line: string) => void;

/**
 * One line a request: method, path, status, duration. Never the query, body, IP address or user
 * agent: respondents are anonymous, and logs outlive the database's access rules.
 */
export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
  };
}
