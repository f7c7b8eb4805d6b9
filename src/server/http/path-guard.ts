import type { MiddlewareHandler } from "hono";
import { HttpProblem, problemResponse } from "./problems";

/**
 * A control character in the decoded path (%00, %0A, ...) names no route and no file. It is refused
 * here, before any route or the static files see it: Node's file system throws on a NUL in a path,
 * which answered 500 for any URL with %00 in it.
 */
export function refuseControlCharactersInPath(): MiddlewareHandler {
  return async (c, next) => {
    if (/\p{Cc}/u.test(c.req.path))
      return problemResponse(
        c,
        new HttpProblem("invalid_path", "the path holds a control character (such as %00); nothing is there"),
      );
    await next();
  };
}
