import type { Context } from "hono";
import { sessionStateOf } from "../auth/organizer-session";
import { actorOf, type Principal, principalOf, scopeOf, setPrincipal } from "../auth/principal";
import { tokenMatches } from "../auth/require-organizer";
import { HttpProblem } from "../http/problems";
import type { Sender } from "./judge";

/** Whether the request's bearer token is the organizer's (a script's), not a tablet's. */
export function bearerIsOrganizerToken(c: Context, organizerToken: string): boolean {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("Authorization") ?? "")?.[1];
  return bearer !== undefined && tokenMatches(bearer, organizerToken);
}

/** Whether a batch holds a paper keying: only then does the request's session matter. */
export const holdsPaper = (items: readonly unknown[]) =>
  items.some(
    (item) => item !== null && typeof item === "object" && (item as { mode?: unknown }).mode === "paper",
  );

/**
 * Who keyed a batch's paper forms: the signed-in account whose session the data-entry screen's
 * sync sends (every role may key paper: data entry is the least), or the organizer token of a
 * script. A batch with paper keyings and neither is refused whole (401), so the office PC keeps
 * them queued and sends them once staff sign in again; a per-item rejection would strand them.
 * A resident's batch (no paper) never looks at cookies: answers travel without them.
 */
export function paperKeyerOf(c: Context, organizerToken: string): NonNullable<Sender["keyer"]> {
  let principal: Principal | undefined;
  if (bearerIsOrganizerToken(c, organizerToken)) {
    principal = { kind: "token" };
    setPrincipal(c, principal);
  } else if (sessionStateOf(c) === "cross_site")
    throw new HttpProblem("cross_site_request", "paper keyings must be sent from this site's own pages");
  else if (sessionStateOf(c) === "valid") principal = principalOf(c);
  const login = actorOf(principal);
  if (!principal || login === null) {
    c.header("WWW-Authenticate", 'Bearer realm="tsunagu"');
    throw new HttpProblem(
      "unauthorized",
      "paper keyings need a signed-in data-entry account; sign in and send again",
    );
  }
  return { login, surveys: scopeOf(principal) };
}
