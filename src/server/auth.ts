import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { HttpProblem, problemResponse } from "./problems";

// Hashing first gives both sides the same length, so neither the comparison nor an early length
// check reveals how long the token is or how much of it matched.
const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Organizer routes: `Authorization: Bearer <token>`, else 401 with a Bearer challenge. */
export function requireOrganizer(organizerToken: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !tokenMatches(match[1], organizerToken)) {
      c.header("WWW-Authenticate", 'Bearer realm="tsunagu"');
      return problemResponse(
        c,
        new HttpProblem("unauthorized", "this route needs the organizer's bearer token"),
      );
    }
    await next();
  };
}
