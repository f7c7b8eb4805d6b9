import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { HttpProblem, problemResponse } from "../http/problems";
import { sessionStateOf } from "./organizer-session";

// Hashing first gives both sides the same length, so neither the comparison nor an early length
// check reveals how long the token is or how much of it matched.
const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Organizer routes: `Authorization: Bearer <token>` (scripts) or the dashboard's session cookie
 * (see organizer-session.ts), nothing else. A wrong bearer token is refused even when a
 * session cookie comes with it; a cookie on a cross-site state-changing request is 403.
 */
export function requireOrganizer(organizerToken: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (match?.[1] && tokenMatches(match[1], organizerToken)) return await next();
    } else {
      const session = sessionStateOf(c);
      if (session === "valid") return await next();
      if (session === "cross_site")
        return problemResponse(
          c,
          new HttpProblem(
            "cross_site_request",
            "a signed-in request that changes data must come from this site",
          ),
        );
    }
    c.header("WWW-Authenticate", 'Bearer realm="tsunagu"');
    return problemResponse(
      c,
      new HttpProblem("unauthorized", "this route needs the organizer's bearer token or a signed-in session"),
    );
  };
}
