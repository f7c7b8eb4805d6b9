import type { Role } from "../../contract/accounts";

/**
 * Where a route's survey is, for an account's survey scope: the path's :id; the query's surveyId;
 * the event (:id) or device (:id) the path names; "route" when the handler finds it in the body
 * (and checks it through requireSurvey); "global" when the route spans surveys or none, which only
 * an account scoped to all surveys may call; "self" when it is about the caller's own account (its
 * sessions, API tokens, passkeys, password), which every account may call whatever its scope.
 */
export type SurveyOf = "path" | "query" | "event" | "device" | "route" | "global" | "self";

export interface RouteAccess {
  role: Role;
  survey: SurveyOf;
}

/**
 * Every organizer route (paths under /api/v1) and the least role it needs; roles rank as ROLES
 * lists them, each allowed what every role below it is (tests/security/role-sweep.test.ts proves
 * each route refuses the roles below and the accounts whose scope lacks its survey, and that no
 * organizer route is missing here). Data entry keys paper forms (POST /responses with its
 * session, src/server/responses/paper-keyer.ts) and sees the forms in dispute.
 * A route about the caller's own account needs data entry, the
 * lowest role: every signed-in person manages their own sessions, tokens and passkeys.
 */
export const ROUTE_ROLES = {
  // One's own account: everyone signed in.
  "GET /sessions": { role: "data_entry", survey: "self" },
  "DELETE /sessions": { role: "data_entry", survey: "self" },
  "DELETE /sessions/:id": { role: "data_entry", survey: "self" },
  "POST /password": { role: "data_entry", survey: "self" },
  "GET /api-tokens": { role: "data_entry", survey: "self" },
  "POST /api-tokens": { role: "data_entry", survey: "self" },
  "DELETE /api-tokens/:id": { role: "data_entry", survey: "self" },
  "GET /passkeys": { role: "data_entry", survey: "self" },
  "POST /passkeys/options": { role: "data_entry", survey: "self" },
  "POST /passkeys": { role: "data_entry", survey: "self" },
  "DELETE /passkeys/:id": { role: "data_entry", survey: "self" },
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
  "POST /surveys/:id/reviews/:changeId/undo": { role: "analyst", survey: "path" },
  "GET /surveys/:id/versions": { role: "analyst", survey: "path" },
  "GET /surveys/:id/response-rate": { role: "analyst", survey: "path" },
  // Authoring and the collector itself: admins.
  "POST /surveys": { role: "admin", survey: "global" },
  "POST /surveys/:id/versions": { role: "admin", survey: "path" },
  "GET /surveys/:id/workbook": { role: "admin", survey: "path" },
  "GET /accounts": { role: "admin", survey: "global" },
  "POST /accounts": { role: "admin", survey: "global" },
  "PATCH /accounts/:id": { role: "admin", survey: "global" },
  "DELETE /accounts/:id/sessions": { role: "admin", survey: "global" },
  "PUT /accounts/:id/password": { role: "admin", survey: "global" },
  "GET /invitations": { role: "admin", survey: "global" },
  "POST /invitations": { role: "admin", survey: "global" },
  "DELETE /invitations/:id": { role: "admin", survey: "global" },
  "GET /audit": { role: "admin", survey: "global" },
  // Results published to residents (issue 23): the survey's admins.
  "POST /surveys/:id/results/:wave": { role: "admin", survey: "path" },
  "DELETE /surveys/:id/results/:wave": { role: "admin", survey: "path" },
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
  // Paper returns keyed twice: data entry.
  "GET /surveys/:id/paper-forms": { role: "data_entry", survey: "path" },
  "PATCH /devices/:id": { role: "field_staff", survey: "device" },
  "PATCH /events/:id": { role: "field_staff", survey: "event" },
  // Last of the event routes: the role sweep, letting each route through, deletes its event here.
  "DELETE /events/:id": { role: "field_staff", survey: "event" },
  // A backup holds answers to any survey: only an account scoped to all may import one.
  "POST /imports": { role: "field_staff", survey: "global" },
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof ROUTE_ROLES;
