import type { Context, MiddlewareHandler } from "hono";
import { ROLES, type Role } from "../../contract/accounts";
import { HttpProblem, problemResponse } from "../http/problems";
import type { EventStorage } from "../storage/event-storage";
import { apiTokenPrincipalOf } from "./api-token";
import { sessionStateOf } from "./organizer-session";
import { type Principal, principalOf, roleOf, scopeOf, setPrincipal } from "./principal";
import { tokenMatches } from "./require-organizer";
import { ROUTE_ROLES, type RouteKey } from "./route-roles";

/** Whether `role` is `needed` or above it (ROLES lists them highest first). */
export const roleAllows = (role: Role, needed: Role) => ROLES.indexOf(role) <= ROLES.indexOf(needed);

const forbidden = (why: string) => new HttpProblem("forbidden", why);

/** Refuses (403) an account whose scope does not hold `surveyId`; the handler's own check (POST /events). */
export function requireSurvey(c: Context, surveyId: string): void {
  const principal = principalOf(c);
  const scope = principal ? scopeOf(principal) : [];
  if (scope !== "all" && !scope.includes(surveyId))
    throw forbidden(`this account does not work on survey "${surveyId}"`);
}

type Lookups = Pick<EventStorage, "getEvent" | "surveyOfDevice">;
/** Only a route whose survey is its event's or device's needs the storage to find it. */
type StorageFor<K extends RouteKey> = (typeof ROUTE_ROLES)[K]["survey"] extends "event" | "device"
  ? Lookups
  : unknown;

/** The survey a request is about, per its route's entry; undefined when it names none that exists. */
async function surveyOf(c: Context, key: RouteKey, storage: Lookups): Promise<string | undefined | null> {
  const where = ROUTE_ROLES[key].survey;
  const id = c.req.param("id") ?? "";
  if (where === "path") return id;
  if (where === "query") return c.req.query("surveyId") ?? null;
  if (where === "event") return (await storage.getEvent(id))?.surveyId;
  if (where === "device") return await storage.surveyOfDevice(id);
  return null;
}

/** Whether a principal's scope lets it through this route; "route" leaves it to the handler. */
async function inScope(c: Context, key: RouteKey, principal: Principal, storage: Lookups) {
  const scope = scopeOf(principal);
  const where = ROUTE_ROLES[key].survey;
  if (scope === "all" || where === "route" || where === "self") return true;
  if (where === "global") return false;
  const surveyId = await surveyOf(c, key, storage);
  // A path naming no event or device reaches the handler's 404: there is no survey to hide.
  if (surveyId === undefined) return true;
  return surveyId !== null && scope.includes(surveyId);
}

/**
 * Organizer routes: `Authorization: Bearer <organizer token>` (scripts: an admin of every survey,
 * also once admin accounts exist), an account's API token (api-token.ts) or a session cookie (organizer-session.ts), nothing else. 401
 * without a valid one (a wrong bearer token is refused even when a session cookie comes with it; a
 * cookie on a cross-site state-changing request is 403), then 403 `forbidden` when the route's
 * entry in ROUTE_ROLES asks for a higher role or a survey outside the account's scope.
 */
export function requireRole<K extends RouteKey>(
  key: K,
  deps: { organizerToken: string; storage: StorageFor<K> },
): MiddlewareHandler {
  const needed = ROUTE_ROLES[key].role;
  return async (c, next) => {
    const header = c.req.header("Authorization");
    let principal: Principal | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (match?.[1] && tokenMatches(match[1], deps.organizerToken)) principal = { kind: "token" };
      else principal = apiTokenPrincipalOf(c);
      if (principal) setPrincipal(c, principal);
    } else {
      const session = sessionStateOf(c);
      if (session === "cross_site")
        return problemResponse(
          c,
          new HttpProblem(
            "cross_site_request",
            "a signed-in request that changes data must come from this site",
          ),
        );
      if (session === "valid") principal = principalOf(c);
    }
    if (!principal) {
      c.header("WWW-Authenticate", 'Bearer realm="tsunagu"');
      return problemResponse(
        c,
        new HttpProblem(
          "unauthorized",
          "this route needs a signed-in session or the organizer's bearer token",
        ),
      );
    }
    if (!roleAllows(roleOf(principal), needed))
      return problemResponse(
        c,
        forbidden(`this needs the ${needed} role; the account is ${roleOf(principal)}`),
      );
    if (!(await inScope(c, key, principal, deps.storage as Lookups)))
      return problemResponse(
        c,
        forbidden("this account's survey scope does not include what this route reads or changes"),
      );
    return await next();
  };
}
