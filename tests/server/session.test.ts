import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { hashSessionId, SESSION_COOKIE } from "../../src/server/auth/organizer-session";
import type { Storage } from "../../src/server/storage";
import { describeEachStorage, fixtureSurveys, SURVEY, TOKEN } from "./support";

const BASE = "http://collector.test";
const TALLIES = `${BASE}/api/v1/surveys/${SURVEY}/tallies`;
const POPULATION = `${BASE}/api/v1/surveys/${SURVEY}/population?wave=2025`;

describeEachStorage("dashboard sessions", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let wallClock: Date;
  let monotonic: number;
  let client: string;
  beforeEach(async () => {
    const opened = await variant.open();
    await opened.storage.migrate();
    ({ storage, dispose } = opened);
    wallClock = new Date("2026-06-01T00:00:00Z");
    monotonic = 0;
    client = "198.51.100.7";
    app = createApp({
      storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      now: () => wallClock,
      clientAddress: () => client,
      signInThrottle: { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, now: () => monotonic },
    });
  });
  afterEach(async () => dispose());

  const signIn = (token: string, url = `${BASE}/api/v1/session`, headers: Record<string, string> = {}) =>
    app.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ token }),
    });
  const cookieOf = (res: globalThis.Response) => {
    const id = /tsunagu_session=([^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];
    if (!id) throw new Error("no session cookie");
    return id;
  };
  const withCookie = (id: string, headers: Record<string, string> = {}) => ({
    headers: { Cookie: `${SESSION_COOKIE}=${id}`, ...headers },
  });

  it("signs in with the token: an HttpOnly, SameSite=Strict cookie on /api/v1, only its hash stored", async () => {
    const res = await signIn(TOKEN);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    const id = cookieOf(res);
    expect(id.length).toBeGreaterThanOrEqual(43);
    expect(await storage.sessionByHash(hashSessionId(id))).toMatchObject({
      expiresAt: "2026-06-01T08:00:00.000Z",
    });
    expect(await storage.sessionByHash(id)).toBeUndefined();
    expect((await app.request(TALLIES, withCookie(id))).status).toBe(200);
    const state = await app.request(`${BASE}/api/v1/session`, withCookie(id));
    expect(state.status).toBe(200);
    expect(await state.json()).toEqual({ signedIn: true });
    // Over https the cookie is Secure too.
    const https = await signIn(TOKEN, "https://collector.test/api/v1/session");
    expect(https.headers.get("Set-Cookie")).toMatch(/Secure/);
  });

  it("refuses a made-up cookie, an expired session and the token anywhere but the bearer header", async () => {
    expect((await app.request(TALLIES, withCookie("made-up"))).status).toBe(401);
    expect((await app.request(`${TALLIES}?token=${TOKEN}`)).status).toBe(401);
    expect((await app.request(TALLIES, withCookie(TOKEN))).status).toBe(401);
    const id = cookieOf(await signIn(TOKEN));
    // A wrong bearer token is refused even beside a good cookie.
    expect((await app.request(TALLIES, withCookie(id, { Authorization: "Bearer wrong" }))).status).toBe(401);
    wallClock = new Date("2026-06-01T08:00:00Z");
    expect((await app.request(TALLIES, withCookie(id))).status).toBe(401);
  });

  it("answers whether a browser is signed in with a yes or no, never a 401 (which the console shows as an error)", async () => {
    const ask = async (init: RequestInit = {}) => {
      const res = await app.request(`${BASE}/api/v1/session`, init);
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      return res.json();
    };
    expect(await ask()).toEqual({ signedIn: false });
    expect(await ask(withCookie("made-up"))).toEqual({ signedIn: false });
    const id = cookieOf(await signIn(TOKEN));
    expect(await ask(withCookie(id))).toEqual({ signedIn: true });
    wallClock = new Date("2026-06-01T08:00:00Z");
    expect(await ask(withCookie(id))).toEqual({ signedIn: false });
  });

  it("checks Origin on cookie-authenticated POSTs (CSRF); a bearer script needs none", async () => {
    const id = cookieOf(await signIn(TOKEN));
    const post = (headers: Record<string, string>) =>
      app.request(POPULATION, {
        method: "POST",
        ...withCookie(id, headers),
        body: "q_area,population\nnorth,5\n",
      });
    for (const headers of [{}, { Origin: "https://evil.example" }, { Origin: "null" }] as Record<
      string,
      string
    >[]) {
      const res = await post(headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "cross_site_request" } });
    }
    expect((await post({ Origin: BASE })).status).toBe(200);
    // The scheme and the port count too, not only the host name.
    for (const origin of [
      "https://collector.test",
      "http://collector.test:8080",
      "http://collector.test.evil",
    ]) {
      const res = await post({ Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "cross_site_request" } });
    }
    expect((await post({ Origin: "http://collector.test:80" })).status).toBe(200);
    const script = await app.request(POPULATION, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: "q_area,population\nnorth,5\n",
    });
    expect(script.status).toBe(200);
    expect((await signIn(TOKEN, undefined, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await signIn(TOKEN, undefined, { Origin: "https://collector.test" })).status).toBe(403);
  });

  it("takes the site's scheme from the URL, or from X-Forwarded-Proto behind a proxy that ends TLS", async () => {
    const httpsSignIn = await signIn(TOKEN, "https://collector.test/api/v1/session", {
      Origin: "https://collector.test",
    });
    expect(httpsSignIn.status).toBe(200);
    const id = cookieOf(httpsSignIn);
    const post = (url: string, headers: Record<string, string>) =>
      app.request(url, { method: "POST", ...withCookie(id, headers), body: "q_area,population\nnorth,5\n" });
    const httpsPopulation = `https://collector.test/api/v1/surveys/${SURVEY}/population?wave=2025`;
    expect((await post(httpsPopulation, { Origin: "https://collector.test" })).status).toBe(200);
    expect((await post(httpsPopulation, { Origin: "http://collector.test" })).status).toBe(403);
    expect(
      (await post(POPULATION, { Origin: "https://collector.test", "X-Forwarded-Proto": "https" })).status,
    ).toBe(200);
    expect(
      (await post(POPULATION, { Origin: "http://collector.test", "X-Forwarded-Proto": "https" })).status,
    ).toBe(403);
  });

  it("ends every session the organizer token opened when the token changes, on every collector sharing the database", async () => {
    const id = cookieOf(await signIn(TOKEN));
    const NEW_TOKEN = "the-new-organizer-token-9Rt4Vw2Lx7Qp3Zk8";
    // The same database, restarted (or another process) with a new token.
    const restarted = createApp({
      storage,
      surveys: fixtureSurveys(),
      organizerToken: NEW_TOKEN,
      log: () => {},
      now: () => wallClock,
    });
    expect((await restarted.request(TALLIES, withCookie(id))).status).toBe(401);
    expect(await (await restarted.request(`${BASE}/api/v1/session`, withCookie(id))).json()).toEqual({
      signedIn: false,
    });
    // A session the new token opens works there and not on a collector still on the old token.
    const fresh = cookieOf(
      await restarted.request(`${BASE}/api/v1/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token: NEW_TOKEN }),
      }),
    );
    expect((await restarted.request(TALLIES, withCookie(fresh))).status).toBe(200);
    expect((await app.request(TALLIES, withCookie(fresh))).status).toBe(401);
    // The old token's own collector still honours its own session.
    expect((await app.request(TALLIES, withCookie(id))).status).toBe(200);
    // What is stored is a MAC, never the token.
    const stored = await storage.sessionByHash(hashSessionId(id));
    expect(stored?.tokenMac).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenMac).not.toContain(TOKEN);
    // A session stored before sessions carried their token's MAC ('') matches no token.
    await storage.insertSession({
      idHash: hashSessionId("from-before"),
      createdAt: "2026-06-01T00:00:00.000Z",
      expiresAt: "2026-06-01T08:00:00.000Z",
      tokenMac: "",
    });
    expect((await app.request(TALLIES, withCookie("from-before"))).status).toBe(401);
  });

  it("signs out: the session row is gone and the cookie no longer opens anything", async () => {
    const id = cookieOf(await signIn(TOKEN));
    const out = await app.request(`${BASE}/api/v1/session`, {
      method: "DELETE",
      ...withCookie(id, { Origin: BASE }),
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("Set-Cookie")).toMatch(/tsunagu_session=;.*Max-Age=0/);
    expect(await storage.sessionByHash(hashSessionId(id))).toBeUndefined();
    expect((await app.request(TALLIES, withCookie(id))).status).toBe(401);
  });

  it("slows repeated wrong tokens from one client: 429 with a growing Retry-After, others unaffected", async () => {
    for (let i = 0; i < 2; i++) expect((await signIn("guess")).status).toBe(401);
    // The third failure starts a 1 s wait: a wrong guess during it is 429, and counts.
    expect((await signIn("guess")).status).toBe(401);
    const blocked = await signIn("guess");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toBe("2");
    expect(await blocked.json()).toMatchObject({ error: { code: "too_many_sign_ins" } });
    const again = await signIn("guess");
    expect(again.status).toBe(429);
    expect(again.headers.get("Retry-After")).toBe("4");
    client = "203.0.113.9";
    expect((await signIn("guess")).status).toBe(401);
    client = "198.51.100.7";
    monotonic += 4000;
    expect((await signIn("guess")).status).toBe(401);
    expect((await signIn("guess")).headers.get("Retry-After")).toBe("16");
    // A success forgets the failures.
    expect((await signIn(TOKEN)).status).toBe(200);
    expect((await signIn("guess")).status).toBe(401);
  });

  it("lets the right token sign in from a throttled address, while every wrong guess there stays 429", async () => {
    // Someone sharing the organizer's address (one office's NAT) guesses until the address is throttled.
    for (let i = 0; i < 3; i++) expect((await signIn("guess")).status).toBe(401);
    expect((await signIn("guess")).status).toBe(429);
    // The organizer, from the same address, during the wait: signed in.
    const organizer = await signIn(TOKEN);
    expect(organizer.status).toBe(200);
    expect((await app.request(TALLIES, withCookie(cookieOf(organizer)))).status).toBe(200);
    // A guess that shares all but the last character with the token is as wrong as any other.
    for (let i = 0; i < 3; i++) expect((await signIn("guess")).status).toBe(401);
    for (const guess of ["guess", `${TOKEN.slice(0, -1)}x`, `${TOKEN}x`, ""]) {
      const res = await signIn(guess);
      expect(res.status, guess).toBe(429);
      expect(await res.json()).toMatchObject({ error: { code: "too_many_sign_ins" } });
    }
    expect((await signIn(TOKEN)).status).toBe(200);
  });
});
