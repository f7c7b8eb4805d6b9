import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { fixtureSurveys, postJson, SURVEY, TOKEN } from "../server/support";
import { AUDITED_KINDS, type AuditedStorage, openAudited } from "./support";

/**
 * The routes anyone may call (DESIGN.md, HTTP contract v1). Every other route the app has — found
 * in Hono's own route table, so that a route added later is swept without anyone listing it — must
 * refuse a caller without the organizer's token.
 */
const PUBLIC = new Set([
  "GET /api/v1/health",
  "GET /api/v1/surveys",
  "GET /api/v1/surveys/:id",
  "POST /api/v1/responses",
  "POST /api/v1/receipts",
  "GET /api/v1/openapi.json",
  // Signing in is the exchange of the token for a session: it must be reachable without one (it
  // answers 401 to a wrong token, and throttles). Signing out only ends the caller's own session.
  // Asking whether one is signed in answers yes or no, and nothing else (tested below).
  "POST /api/v1/session",
  "GET /api/v1/session",
  "DELETE /api/v1/session",
  // An invitation's token is the credential: a link admins made, used once (tests/server/invitations.test.ts).
  "POST /api/v1/invitation",
  "POST /api/v1/invitation/accept",
  // Signing in with a passkey: its signature of a one-time challenge is the credential.
  "POST /api/v1/session/passkey/options",
  "POST /api/v1/session/passkey",
  // Published results and their open data (issue 23): for residents and anyone reusing them.
  "GET /api/v1/public/surveys/:id/results.json",
  "GET /api/v1/public/surveys/:id/results/:file",
  // A resident's reaction to published results: an HTML form, anonymous as a response.
  "POST /api/v1/public/surveys/:id/results/:wave/reactions",
  // The invitation letters' print styles: the same text for everyone, no data.
  "GET /api/v1/invitation-letters.css",
]);

/** What a public route answers a caller with no credentials at all. */
const PUBLIC_STATUS: Record<string, number> = {
  "POST /api/v1/session": 401,
  "GET /api/v1/session": 200,
  "DELETE /api/v1/session": 204,
  "POST /api/v1/invitation": 400,
  "POST /api/v1/invitation/accept": 400,
  "POST /api/v1/session/passkey": 400,
  // Survey "x" has nothing published: its list is empty and a wave of it is not found.
  "GET /api/v1/public/surveys/:id/results/:file": 404,
  // It takes a form, not JSON.
  "POST /api/v1/public/surveys/:id/results/:wave/reactions": 415,
};

/** Fills path parameters with values that exist, so a refusal is about the caller, not a 404. */
function concrete(path: string, ids: { eventId: string; deviceId: string }): string {
  return path
    .replace(/^\/api\/v1\/surveys\/:id/, `/api/v1/surveys/${SURVEY}`)
    .replace(/\/events\/:id/, `/events/${ids.eventId}`)
    .replace(/\/devices\/:id/, `/devices/${ids.deviceId}`)
    .replace(/:[A-Za-z]+/g, "x");
}

describe.each(AUDITED_KINDS)("authorization sweep on $kind", ({ kind, unavailable }) => {
  describe.skipIf(unavailable !== undefined)(unavailable ?? "every non-public route", () => {
    let audited: AuditedStorage;
    let app: Hono;
    let ids: { eventId: string; deviceId: string };
    let deviceToken: string;
    let sessionCookie: string;
    let routes: { method: string; path: string }[];

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
      expect(event.status).toBe(201);
      const eventId = ((await event.json()) as { id: string }).id;
      const enrolled = await app.request(
        `/api/v1/events/${eventId}/devices`,
        postJson({ label: "tablet 1" }, auth),
      );
      expect(enrolled.status).toBe(201);
      const enrollment = (await enrolled.json()) as { device: { id: string }; token: string };
      ids = { eventId, deviceId: enrollment.device.id };
      deviceToken = enrollment.token;
      const signIn = await app.request("/api/v1/session", postJson({ token: TOKEN }));
      expect(signIn.status).toBe(200);
      sessionCookie = (signIn.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
      expect(sessionCookie).toMatch(/=/);
      const seen = new Set<string>();
      routes = app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
    });
    afterAll(async () => audited?.dispose());

    it("finds the organizer routes in the route table (the sweep is not empty)", () => {
      const guarded = routes.filter((r) => !PUBLIC.has(`${r.method} ${r.path}`));
      expect(guarded.length).toBeGreaterThanOrEqual(5);
      for (const known of [
        "GET /api/v1/surveys/:id/tallies",
        "GET /api/v1/surveys/:id/responses.csv",
        "POST /api/v1/imports",
      ])
        expect(guarded.map((r) => `${r.method} ${r.path}`)).toContain(known);
    });

    const callers: [string, () => Record<string, string>][] = [
      ["no Authorization", () => ({})],
      ["a wrong token", () => ({ Authorization: "Bearer not-the-organizer-token" })],
      ["the token with a byte more", () => ({ Authorization: `Bearer ${TOKEN}x` })],
      [
        "the token as Basic",
        () => ({ Authorization: `Basic ${Buffer.from(`organizer:${TOKEN}`).toString("base64")}` }),
      ],
      ["an empty bearer", () => ({ Authorization: "Bearer " })],
      ["a bare scheme", () => ({ Authorization: "Bearer" })],
      ["two tokens", () => ({ Authorization: `Bearer ${TOKEN} ${TOKEN}` })],
      ["a token in the query instead", () => ({})],
      ["a kiosk device's own token", () => ({ Authorization: `Bearer ${deviceToken}` })],
      ["a forged session cookie", () => ({ Cookie: `${sessionCookie.split("=")[0]}=forged-session-id` })],
    ];

    it.each(callers)("every non-public route answers 401/403 to %s", async (what, headers) => {
      const answers: string[] = [];
      for (const { method, path } of routes) {
        if (PUBLIC.has(`${method} ${path}`)) continue;
        const url =
          concrete(path, ids) + (what.includes("query") ? `?token=${TOKEN}&access_token=${TOKEN}` : "");
        const init: RequestInit = { method, headers: { ...headers(), "Content-Type": "application/json" } };
        if (method !== "GET" && method !== "HEAD")
          init.body = JSON.stringify({ name: "x", label: "x", surveyId: SURVEY });
        const res = await app.request(url, init);
        answers.push(`${res.status} ${method} ${path}`);
      }
      expect(answers.filter((a) => !/^40[13] /.test(a))).toEqual([]);
    });

    it("lets the organizer's token through on every one of them (the sweep can tell)", async () => {
      const refused: string[] = [];
      for (const { method, path } of routes) {
        if (PUBLIC.has(`${method} ${path}`)) continue;
        // The bearer token, else the session it was exchanged for (GET /session takes only the cookie).
        const attempt = async (headers: Record<string, string>) => {
          const init: RequestInit = { method, headers: { ...headers, "Content-Type": "application/json" } };
          if (method !== "GET") init.body = JSON.stringify({ name: "x", label: "x", surveyId: SURVEY });
          return (await app.request(concrete(path, ids), init)).status;
        };
        let status = await attempt({ Authorization: `Bearer ${TOKEN}` });
        if (status === 401 || status === 403) status = await attempt({ Cookie: sessionCookie });
        if (status === 401 || status === 403) refused.push(`${status} ${method} ${path}`);
      }
      expect(refused).toEqual([]);
    });

    it("answers the public routes without any credentials", async () => {
      for (const key of PUBLIC) {
        const [method, path] = key.split(" ") as [string, string];
        const init: RequestInit = { method, headers: { "Content-Type": "application/json" } };
        if (method === "POST")
          init.body = JSON.stringify(path.endsWith("receipts") ? { ids: [] } : { responses: [] });
        const res = await app.request(concrete(path, ids), init);
        expect(res.status, key).toBe(PUBLIC_STATUS[key] ?? 200);
      }
    });
  });
});
