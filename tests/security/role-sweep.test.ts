import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role, type SurveyScope } from "../../src/contract/accounts";
import { createApp } from "../../src/server/app";
import { ROUTE_ROLES, type RouteKey } from "../../src/server/auth/route-roles";
import { addAccount, sessionOf } from "../server/account-support";
import { fixtureSurveys, postJson, SURVEY, TOKEN } from "../server/support";
import { AUDITED_KINDS, type AuditedStorage, openAudited } from "./support";

/** The routes anyone may call (authorization-sweep.test.ts sweeps those without credentials). */
const PUBLIC = new Set([
  "GET /health",
  "GET /surveys",
  "GET /surveys/:id",
  "POST /responses",
  "POST /receipts",
  "GET /openapi.json",
  "POST /session",
  "GET /session",
  "DELETE /session",
  "POST /invitation",
  "POST /invitation/accept",
  "POST /session/passkey/options",
  "POST /session/passkey",
  "GET /public/surveys/:id/results.json",
  "GET /public/surveys/:id/results/:file",
  "POST /public/surveys/:id/results/:wave/reactions",
  // The letters' print styles: the same text for everyone, no data.
  "GET /invitation-letters.css",
]);
const OTHER_SURVEY = "another-ward";
const KEYS = Object.keys(ROUTE_ROLES) as RouteKey[];
const BASE = "http://collector.test";

const below = (role: Role) => ROLES.slice(ROLES.indexOf(role) + 1);

/**
 * Issue 22's role sweep: every organizer route, from its row of ROUTE_ROLES, refuses (403
 * `forbidden`) each role below the one it needs and each account of that role whose survey scope
 * lacks the route's survey, and lets the right account through (so a refusal can be told apart).
 */
describe.each(AUDITED_KINDS)("role sweep on $kind", ({ kind, unavailable }) => {
  describe.skipIf(unavailable !== undefined)(unavailable ?? "every organizer route", () => {
    let audited: AuditedStorage;
    let app: Hono;
    let ids: { eventId: string; deviceId: string; accountId: string };
    const sessions = new Map<string, string>();
    const sessionKey = (role: Role, scope: SurveyScope) => `${role} ${JSON.stringify(scope)}`;

    beforeAll(async () => {
      audited = await openAudited(kind);
      app = createApp({
        storage: audited.storage,
        surveys: fixtureSurveys(),
        organizerToken: TOKEN,
        log: () => {},
      });
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const event = await app.request(
        "/api/v1/events",
        postJson({ name: "sweep", place: "ward office", date: "2026-11-25", surveyId: SURVEY }, auth),
      );
      const eventId = ((await event.json()) as { id: string }).id;
      const enrolled = await app.request(
        `/api/v1/events/${eventId}/devices`,
        postJson({ label: "t1" }, auth),
      );
      const deviceId = ((await enrolled.json()) as { device: { id: string } }).device.id;
      const scopes: SurveyScope[] = ["all", [SURVEY], [OTHER_SURVEY]];
      for (const role of ROLES)
        for (const [n, scope] of scopes.entries()) {
          const login = `${role.replace("_", "-")}-${n}`;
          await addAccount(audited.storage, login, role, scope);
          sessions.set(sessionKey(role, scope), await sessionOf(app, login));
        }
      // The account routes act on one no sweeping session belongs to (ending its sessions ends none of theirs).
      const { id: accountId } = await addAccount(audited.storage, "sweep-target", "analyst");
      ids = { eventId, deviceId, accountId };
    });
    afterAll(async () => audited?.dispose());

    const call = async (key: RouteKey, cookie: string) => {
      const [method, path] = key.split(" ") as [string, string];
      const url = path
        .replace(/^\/surveys\/:id/, `/surveys/${SURVEY}`)
        .replace(/\/events\/:id/, `/events/${ids.eventId}`)
        .replace(/\/devices\/:id/, `/devices/${ids.deviceId}`)
        .replace(/\/accounts\/:id/, `/accounts/${ids.accountId}`)
        .replace(/:wave$/, "2025");
      const query = key === "GET /events" ? `?surveyId=${SURVEY}` : "";
      const init: RequestInit = {
        method,
        headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json" },
      };
      // Bodies a route accepts, so that one refused by its handler is refused for its survey alone.
      if (method !== "GET")
        init.body = JSON.stringify(
          key === "POST /events"
            ? { name: "x", surveyId: SURVEY, place: "p", date: "2026-11-25" }
            : { label: "x", surveyId: SURVEY },
        );
      const res = await app.request(`${BASE}/api/v1${url}${query}`, init);
      const code = res.status === 403 ? ((await res.json()) as { error: { code: string } }).error.code : "";
      return `${res.status}${code && ` ${code}`}`;
    };

    it("has a row for every organizer route the app has, and no row for a route it lacks", () => {
      const routes = new Set(
        app.routes
          .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/"))
          .map((r) => `${r.method} ${r.path.slice("/api/v1".length)}`),
      );
      expect([...routes].filter((r) => !PUBLIC.has(r) && !(r in ROUTE_ROLES))).toEqual([]);
      expect(KEYS.filter((k) => !routes.has(k))).toEqual([]);
      expect(KEYS.length).toBeGreaterThanOrEqual(25);
    });

    it("asks of each route the role DESIGN.md's contract table names", () => {
      const roles = Object.fromEntries(KEYS.map((k) => [k, ROUTE_ROLES[k].role]));
      expect(roles).toMatchObject({
        "GET /surveys/:id/tallies": "analyst",
        "GET /surveys/:id/responses.csv": "analyst",
        "POST /surveys/:id/population": "analyst",
        "POST /surveys/:id/reviews": "analyst",
        "GET /surveys/:id/versions": "analyst",
        "POST /surveys/:id/versions": "admin",
        "POST /surveys": "admin",
        "GET /surveys/:id/workbook": "admin",
        "GET /audit": "admin",
        "POST /accounts": "admin",
        "POST /imports": "field_staff",
        "POST /devices/:id/revoke": "field_staff",
        "GET /surveys/:id/paper-forms": "data_entry",
      });
      // Data entry, the lowest role: the paper forms it keys, and the routes about one's own account.
      const own = KEYS.filter((k) => ROUTE_ROLES[k].survey === "self");
      expect(own.map((k) => ROUTE_ROLES[k].role)).toEqual(own.map(() => "data_entry"));
      expect(own).toContain("GET /sessions");
    });

    it("refuses every role below the one a route needs (403 forbidden)", async () => {
      const wrong: string[] = [];
      for (const key of KEYS)
        for (const role of below(ROUTE_ROLES[key].role)) {
          const answer = await call(key, sessions.get(sessionKey(role, "all")) ?? "");
          if (answer !== "403 forbidden") wrong.push(`${key} as ${role}: ${answer}`);
        }
      expect(wrong).toEqual([]);
    });

    it("refuses an account of the right role whose scope lacks the route's survey", async () => {
      const wrong: string[] = [];
      for (const key of KEYS) {
        const { role, survey } = ROUTE_ROLES[key];
        // A route about the caller's own account reads no survey: every scope may call it (below).
        if (survey === "self") continue;
        const answer = await call(key, sessions.get(sessionKey(role, [OTHER_SURVEY])) ?? "");
        if (answer !== "403 forbidden") wrong.push(`${key} scoped elsewhere: ${answer}`);
        // A route spanning surveys refuses every account not scoped to all, even its own survey's.
        if (survey === "global") {
          const own = await call(key, sessions.get(sessionKey(role, [SURVEY])) ?? "");
          if (own !== "403 forbidden") wrong.push(`${key} scoped to ${SURVEY}: ${own}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("lets the role a route needs through, in scope, and every role above it (the sweep can tell)", async () => {
      const refused: string[] = [];
      for (const key of KEYS) {
        const { role, survey } = ROUTE_ROLES[key];
        const allowed = ROLES.slice(0, ROLES.indexOf(role) + 1);
        for (const r of allowed) {
          const scopes: SurveyScope[] =
            survey === "global" ? ["all"] : survey === "self" ? ["all", [OTHER_SURVEY]] : ["all", [SURVEY]];
          for (const scope of scopes) {
            const answer = await call(key, sessions.get(sessionKey(r, scope)) ?? "");
            if (/^40[13]/.test(answer)) refused.push(`${key} as ${r} ${JSON.stringify(scope)}: ${answer}`);
          }
        }
      }
      expect(refused).toEqual([]);
    });
  });
});
