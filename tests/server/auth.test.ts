import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tokenMatches } from "../../src/server/auth/require-organizer";
import { describeEachStorage, openApp, SURVEY, TOKEN } from "./support";

describe("tokenMatches", () => {
  it("matches only the same token, whatever the lengths", () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches("", TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.toUpperCase(), TOKEN)).toBe(false);
  });
});

describeEachStorage("organizer routes", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const routes = [`/api/v1/surveys/${SURVEY}/tallies`, `/api/v1/surveys/${SURVEY}/responses.csv`];
  const refused: [string, Record<string, string>][] = [
    ["no Authorization", {}],
    ["a wrong token", { Authorization: "Bearer not-the-token" }],
    ["a longer token", { Authorization: `Bearer ${TOKEN}0` }],
    ["another scheme", { Authorization: `Basic ${TOKEN}` }],
    ["an empty bearer", { Authorization: "Bearer " }],
  ];

  for (const route of routes)
    it.each(refused)(`${route} answers 401 with a Bearer challenge for %s`, async (_what, headers) => {
      const res = await app.request(route, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    });

  it("lets the organizer in with the token, and refuses before saying whether a survey exists", async () => {
    for (const route of routes)
      expect((await app.request(route, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await app.request("/api/v1/surveys/nope/tallies")).status).toBe(401);
  });
});
