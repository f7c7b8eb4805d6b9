import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { ApiTokenList, CreatedApiToken } from "../../src/contract/api-tokens";
import { hashSessionId } from "../../src/server/auth/organizer-session";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, openAccountApp, sessionOf } from "./account-support";
import { describeEachStorage, SURVEY } from "./support";

const TALLIES = `${BASE}/api/v1/surveys/${SURVEY}/tallies`;

describeEachStorage("named API tokens", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date("2026-06-01T00:00:00Z");
    ({ app, storage, dispose } = await openAccountApp(variant, { now: () => clock }));
  });
  afterEach(async () => dispose());

  const call = (method: string, path: string, cookie: string, body?: unknown) =>
    app.request(`${BASE}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json" },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const make = async (cookie: string, body: unknown) => {
    const res = await call("POST", "/api-tokens", cookie, body);
    expect(res.status).toBe(201);
    return (await res.json()) as CreatedApiToken;
  };
  const bearer = (token: string, url = TALLIES) =>
    app.request(url, { headers: { Authorization: `Bearer ${token}` } });

  it("makes a token shown once, keeps only its hash, lists it without the secret", async () => {
    await addAccount(storage, "sato", "analyst", [SURVEY]);
    const cookie = await sessionOf(app, "sato");
    const made = await make(cookie, { name: " nightly export ", expiresInDays: 30 });
    expect(made.token).toMatch(/^tsunagu_pat_[A-Za-z0-9_-]{43}$/);
    expect(made.apiToken).toEqual({
      id: made.apiToken.id,
      name: "nightly export",
      createdAt: "2026-06-01T00:00:00.000Z",
      expiresAt: "2026-07-01T00:00:00.000Z",
      lastUsedAt: null,
    });
    const stored = await storage.apiTokenByHash(hashSessionId(made.token));
    expect(stored?.name).toBe("nightly export");
    expect(JSON.stringify(await storage.apiTokensOf(stored?.accountId ?? ""))).not.toContain(made.token);
    const listed = (await (await call("GET", "/api-tokens", cookie)).json()) as ApiTokenList;
    expect(listed.tokens.map((t) => t.name)).toEqual(["nightly export"]);
    expect(JSON.stringify(listed)).not.toContain(made.token.slice(12));
    for (const body of [{}, { name: "" }, { name: "x", expiresInDays: 0 }, { name: "x", expiresInDays: 1.5 }])
      expect((await call("POST", "/api-tokens", cookie, body)).status).toBe(400);
  });

  it("acts as its account with the account's role and scope, notes its last use, and stops when revoked", async () => {
    const sato = await addAccount(storage, "sato", "field_staff", [SURVEY]);
    const cookie = await sessionOf(app, "sato");
    const { token, apiToken } = await make(cookie, { name: "script" });
    // Field staff may list events of its survey, not read tallies.
    expect((await bearer(token, `${BASE}/api/v1/events?surveyId=${SURVEY}`)).status).toBe(200);
    expect((await bearer(token)).status).toBe(403);
    expect((await bearer(token, `${BASE}/api/v1/events?surveyId=another`)).status).toBe(403);
    clock = new Date("2026-06-01T00:10:00Z");
    await storage.changeAccount(sato.id, { role: "analyst" });
    expect((await bearer(token)).status).toBe(200);
    const listed = (await (await call("GET", "/api-tokens", cookie)).json()) as ApiTokenList;
    expect(listed.tokens[0]?.lastUsedAt).toBe("2026-06-01T00:10:00.000Z");
    // It may not make its own successor, a passkey or a password.
    for (const path of ["/api-tokens", "/passkeys/options", "/password"]) {
      const res = await app.request(`${BASE}/api/v1${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "successor", currentPassword: "x", newPassword: "y".repeat(12) }),
      });
      expect(res.status, path).toBe(403);
    }
    expect((await storage.apiTokensOf(sato.id)).length).toBe(1);
    // A byte more, or a token another account revoked, is refused; revoking it is audited by name.
    expect((await bearer(`${token}x`)).status).toBe(401);
    await addAccount(storage, "ito", "analyst");
    const ito = await sessionOf(app, "ito");
    expect((await call("DELETE", `/api-tokens/${apiToken.id}`, ito)).status).toBe(404);
    expect((await call("DELETE", `/api-tokens/${apiToken.id}`, cookie)).status).toBe(204);
    expect((await bearer(token)).status).toBe(401);
    expect((await call("DELETE", `/api-tokens/${apiToken.id}`, cookie)).status).toBe(404);
    const entries = await storage.auditEntries({ limit: 50 });
    expect(
      entries.filter((e) => e.action.startsWith("api_token_")).map((e) => [e.action, e.detail.name]),
    ).toEqual([
      ["api_token_revoked", "script"],
      ["api_token_created", "script"],
    ]);
    expect(JSON.stringify(entries)).not.toContain(token.slice(12));
  });

  it("may not set another account's password, even an admin's token", async () => {
    await addAccount(storage, "tanaka", "admin");
    const sato = await addAccount(storage, "sato", "analyst");
    const { token } = await make(await sessionOf(app, "tanaka"), { name: "script" });
    const res = await app.request(`${BASE}/api/v1/accounts/${sato.id}/password`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ password: "set by a leaked script" }),
    });
    expect(res.status).toBe(403);
    expect(
      (
        await app.request(`${BASE}/api/v1/session`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: BASE },
          body: JSON.stringify({ login: "sato", password: "set by a leaked script" }),
        })
      ).status,
    ).toBe(401);
  });

  it("refuses a token once it expires or its account is disabled", async () => {
    const sato = await addAccount(storage, "sato", "analyst", [SURVEY]);
    const cookie = await sessionOf(app, "sato");
    const short = await make(cookie, { name: "a day", expiresInDays: 1 });
    const lasting = await make(cookie, { name: "lasting" });
    expect((await bearer(short.token)).status).toBe(200);
    clock = new Date("2026-06-02T00:00:01Z");
    expect((await bearer(short.token)).status).toBe(401);
    expect((await bearer(lasting.token)).status).toBe(200);
    await storage.changeAccount(sato.id, { disabledAt: clock.toISOString() });
    expect((await bearer(lasting.token)).status).toBe(401);
  });
});
