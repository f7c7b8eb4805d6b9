import type { Role } from "../../contract/accounts";

/**
 * Where a route's survey is, for an account's survey scope: the path's :id; the query's surveyId;
 * the event (:id) or device (:id) the path names; "route" when the handler finds it in the body
 * (and checks it through requireSurvey); "global" when the route spans surveys or none, which only
 * an account scoped to all surveys may call.
 */
export type SurveyOf = "path" | "query" | "event" | "device" | "route" | "global";

export interface RouteAccess {
  role: Role;
  survey: SurveyOf;
}

/**
 * Every organizer route (paths under /api/v1) and the least role it needs; roles rank as ROLES
 * lists them, each allowed what every role below it is (tests/security/role-sweep.test.ts proves
 * each route refuses the roles below and the accounts whose scope lacks its survey, and that no
 * organizer route is missing here). Data entry needs nothing yet: paper entry will come with its
 * own routes.
 */
export const ROUTE_ROLES = {
  // Reading results: analysts.
  "GET /surveys/:id/tallies": { role: "analyst", survey: "path" },
  "GET /surveys/:id/tallies.csv": { role: "analyst", survey: "path" },
  "GET /surveys/:id/policy.csv": { role: "analyst", survey: "path" },
  "GET /surveys/:id/choices": { role: "analyst", survey: "path" },
  "GET /surveys/:id/counts": { role: "analyst", survey: "path" },
  "GET /surveys/:id/trend": { role: "analyst", survey: "path" },
  "GET /surveys/:id/responses.csv": { role: "analyst", survey: "path" },
  "GET /surveys/:id/population": { role: "analyst", survey: "path" },
  "POST /surveys/:id/population": { role: "analyst", survey: "path" },
  "GET /surveys/:id/reviews": { role: "analyst", survey: "path" },
  "POST /surveys/:id/reviews": { role: "analyst", survey: "path" },
  "GET /surveys/:id/versions": { role: "analyst", survey: "path" },
  "GET /surveys/:id/response-rate": { role: "analyst", survey: "path" },
  // Authoring and the collector itself: admins.
  "POST /surveys": { role: "admin", survey: "global" },
  "POST /surveys/:id/versions": { role: "admin", survey: "path" },
  "GET /surveys/:id/workbook": { role: "admin", survey: "path" },
  "GET /accounts": { role: "admin", survey: "global" },
  "POST /accounts": { role: "admin", survey: "global" },
  "PATCH /accounts/:id": { role: "admin", survey: "global" },
  "GET /audit": { role: "admin", survey: "global" },
  // The mailed sample's codes: whoever holds them can answer as the sample, so admins only.
  "POST /surveys/:id/invitations": { role: "admin", survey: "path" },
  "GET /surveys/:id/invitations": { role: "admin", survey: "path" },
  "GET /surveys/:id/invitations/:batchId.csv": { role: "admin", survey: "path" },
  "GET /surveys/:id/invitations/:batchId/unused.csv": { role: "admin", survey: "path" },
  "GET /surveys/:id/invitations/:batchId/letters": { role: "admin", survey: "path" },
  // Events, their tablets and device backups: field staff.
  "POST /events": { role: "field_staff", survey: "route" },
  "GET /events": { role: "field_staff", survey: "query" },
  "POST /events/:id/devices": { role: "field_staff", survey: "event" },
  "GET /events/:id/devices": { role: "field_staff", survey: "event" },
  "POST /devices/:id/revoke": { role: "field_staff", survey: "device" },
  // A backup holds answers to any survey: only an account scoped to all may import one.
  "POST /imports": { role: "field_staff", survey: "global" },
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof ROUTE_ROLES;
