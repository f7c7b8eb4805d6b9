import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { addressKey } from "../../src/server/auth/password-sign-in";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, cookieFrom, PASSWORD, sessionOf, signInAs } from "./account-support";
import { describeEachStorage, fixtureSurveys, SURVEY, TOKEN } from "./support";

const TALLIES = `${BASE}/api/v1/surveys/${SURVEY}/tallies`;
const bearer = { Authorization: `Bearer ${TOKEN}` };

describeEachStorage("accounts", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let monotonic: number;
  let client: string;
  beforeEach(async () => {
    const opened = await variant.open();
    await opened.storage.migrate();
    ({ storage, dispose } = opened);
    monotonic = 0;
    client = "198.51.100.7";
    app = createApp({
      storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      now: () => new Date("2026-06-01T00:00:00Z"),
      clientAddress: () => client,
      signInThrottle: { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, now: () => monotonic },
    });
  });
  afterEach(async () => dispose());

  const json = (method: string, body: unknown, headers: Record<string, string>) => ({
    method,
    headers: { "Content-Type": "application/json", Origin: BASE, ...headers },
    body: JSON.stringify(body),
  });

  it("stores an account with an argon2id hash, never the password, and a login only once", async () => {
    const account = await addAccount(storage, "sato", "analyst", [SURVEY]);
    const stored = await storage.accountByLogin("sato");
    expect(stored).toEqual(account);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
    await expect(addAccount(storage, "sato", "admin")).rejects.toThrow(/taken/);
    expect(await storage.hasActiveAdmin()).toBe(false);
    const admin = await addAccount(storage, "tanaka", "admin");
    expect(await storage.hasActiveAdmin()).toBe(true);
    await storage.changeAccount(admin.id, { disabledAt: "2026-06-02T00:00:00.000Z" });
    expect(await storage.hasActiveAdmin()).toBe(false);
    expect((await storage.listAccounts()).map((a) => a.login)).toEqual(["sato", "tanaka"]);
  });

  it("signs an account in by login and password; GET /session names it, without its hash", async () => {
    await addAccount(storage, "sato", "analyst", [SURVEY]);
    const res = await signInAs(app, "sato");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { account: Record<string, unknown> };
    expect(body.account).toMatchObject({ login: "sato", role: "analyst", surveys: [SURVEY] });
    expect(body.account).not.toHaveProperty("passwordHash");
    const cookie = cookieFrom(res, "tsunagu_session");
    const state = await (await app.request(`${BASE}/api/v1/session`, { headers: { Cookie: cookie } })).json();
    expect(state).toMatchObject({ signedIn: true, account: { login: "sato" } });
    expect((await app.request(TALLIES, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await signInAs(app, "sato", `${PASSWORD}x`)).status).toBe(401);
    expect((await signInAs(app, "nobody")).status).toBe(401);
  });

  it("lets the bootstrap token sign in only while no admin exists; it stays a Bearer token for scripts", async () => {
    const token = () => app.request(`${BASE}/api/v1/session`, json("POST", { token: TOKEN }, {}));
    const early = await token();
    expect(early.status).toBe(200);
    const earlyCookie = cookieFrom(early, "tsunagu_session");
    await addAccount(storage, "tanaka", "admin");
    const late = await token();
    expect(late.status).toBe(401);
    expect(late.headers.getSetCookie()).toEqual([]);
    // The session it opened before the first admin ends too.
    expect((await app.request(TALLIES, { headers: { Cookie: earlyCookie } })).status).toBe(401);
    expect((await app.request(TALLIES, { headers: bearer })).status).toBe(200);
  });

  it("creates, lists and changes accounts (admin); a change of role or a disable ends its sessions", async () => {
    const admin = await sessionOf(app, (await addAccount(storage, "tanaka", "admin")).login);
    const created = await app.request(
      `${BASE}/api/v1/accounts`,
      json(
        "POST",
        { login: "suzuki", displayName: "鈴木", role: "field_staff", surveys: [SURVEY], password: PASSWORD },
        { Cookie: admin },
      ),
    );
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string };
    const again = await app.request(
      `${BASE}/api/v1/accounts`,
      json(
        "POST",
        { login: "suzuki", displayName: "x", role: "admin", surveys: "all", password: PASSWORD },
        bearer,
      ),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "login_taken" } });
    const weak = await app.request(
      `${BASE}/api/v1/accounts`,
      json(
        "POST",
        { login: "kato", displayName: "x", role: "admin", surveys: "all", password: "short" },
        bearer,
      ),
    );
    expect(weak.status).toBe(400);
    const list = (await (
      await app.request(`${BASE}/api/v1/accounts`, { headers: { Cookie: admin } })
    ).json()) as {
      accounts: { login: string }[];
    };
    expect(list.accounts.map((a) => a.login)).toEqual(["suzuki", "tanaka"]);
    expect(JSON.stringify(list)).not.toMatch(/argon2/);

    const suzuki = await sessionOf(app, "suzuki");
    expect((await app.request(TALLIES, { headers: { Cookie: suzuki } })).status).toBe(403);
    const patch = (body: unknown) =>
      app.request(`${BASE}/api/v1/accounts/${account.id}`, json("PATCH", body, { Cookie: admin }));
    const promoted = await patch({ role: "analyst" });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: "analyst", surveys: [SURVEY] });
    expect((await app.request(TALLIES, { headers: { Cookie: suzuki } })).status).toBe(401);
    const analyst = await sessionOf(app, "suzuki");
    expect((await app.request(TALLIES, { headers: { Cookie: analyst } })).status).toBe(200);
    expect((await patch({ disabled: true })).status).toBe(200);
    expect((await app.request(TALLIES, { headers: { Cookie: analyst } })).status).toBe(401);
    expect((await signInAs(app, "suzuki")).status).toBe(401);
    expect((await patch({})).status).toBe(400);
    const missing = await app.request(
      `${BASE}/api/v1/accounts/nope`,
      json("PATCH", { role: "admin" }, bearer),
    );
    expect(missing.status).toBe(404);
  });

  it("lets an admin set a new password for a person who forgot theirs: sessions end, the wait is forgotten, audited without it", async () => {
    const sato = await addAccount(storage, "sato", "analyst");
    await addAccount(storage, "tanaka", "admin");
    const satoSession = await sessionOf(app, "sato");
    const admin = await sessionOf(app, "tanaka");
    // The person tried their forgotten password from several places: the account now waits.
    for (let i = 0; i < 3; i++) {
      client = `203.0.113.${i}`;
      expect((await signInAs(app, "sato", "not-what-it-was")).status).toBe(401);
    }
    client = "203.0.113.99";
    expect((await signInAs(app, "sato", "not-what-it-was")).status).toBe(429);
    const NEW = "a new one, given in person";
    const set = (id: string, body: unknown, cookie = admin) =>
      app.request(`${BASE}/api/v1/accounts/${id}/password`, json("PUT", body, { Cookie: cookie }));
    const res = await set(sato.id, { password: NEW });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ended: 1 });
    expect((await app.request(TALLIES, { headers: { Cookie: satoSession } })).status).toBe(401);
    expect((await signInAs(app, "sato")).status).toBe(401);
    expect((await signInAs(app, "sato", NEW)).status).toBe(200);
    const entries = await storage.auditEntries({ limit: 100 });
    expect(entries.find((e) => e.action === "password_set")).toMatchObject({
      actor: "tanaka",
      target: "sato",
      detail: { sessionsEnded: 1 },
    });
    expect(JSON.stringify(entries)).not.toContain(NEW);
  });

  it("sets no password of the admin's own (it needs the current one), of no account, too short or by a script's token", async () => {
    const tanaka = await addAccount(storage, "tanaka", "admin");
    const sato = await addAccount(storage, "sato", "analyst");
    const admin = await sessionOf(app, "tanaka");
    const set = (id: string, body: unknown, headers: Record<string, string> = { Cookie: admin }) =>
      app.request(`${BASE}/api/v1/accounts/${id}/password`, json("PUT", body, headers));
    const own = await set(tanaka.id, { password: "a long enough password" });
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ error: { code: "own_password" } });
    expect((await set("nope", { password: "a long enough password" })).status).toBe(404);
    const short = await set(sato.id, { password: "short" });
    expect(short.status).toBe(400);
    // The bootstrap token is no one, and makes no password.
    expect((await set(sato.id, { password: "a long enough password" }, bearer)).status).toBe(409);
    expect((await signInAs(app, "sato")).status).toBe(200);
  });

  it("slows guesses at one account from any address; the account's known browser still gets in", async () => {
    await addAccount(storage, "sato", "analyst");
    const known = cookieFrom(await signInAs(app, "sato"), "tsunagu_known");
    for (let i = 0; i < 3; i++) {
      client = `203.0.113.${i}`;
      expect((await signInAs(app, "sato", "guess-guess-guess")).status).toBe(401);
    }
    client = "203.0.113.99";
    // A new browser, even with the right password, waits: the guesser could be anywhere.
    const waiting = await signInAs(app, "sato");
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get("Retry-After")).toBe("2");
    // A made-up known-device cookie lets nothing through.
    const forged = `${known.slice(0, -3)}abc`;
    expect((await signInAs(app, "sato", PASSWORD, { Cookie: forged })).status).toBe(429);
    // The browser that signed in before has its password checked: a wrong one still counts...
    expect((await signInAs(app, "sato", "guess-guess-guess", { Cookie: known })).status).toBe(429);
    // ...and the right one gets in (and the account's wait is forgotten).
    expect((await signInAs(app, "sato", PASSWORD, { Cookie: known })).status).toBe(200);
    expect((await signInAs(app, "sato")).status).toBe(200);
  });

  it("slows wrong passwords from one address without locking out a colleague's right one there", async () => {
    await addAccount(storage, "sato", "analyst");
    await addAccount(storage, "ito", "analyst");
    const logins = ["a1", "a2", "a3", "a4"];
    for (const login of logins.slice(0, 3))
      expect((await signInAs(app, login, "guess-guess")).status).toBe(401);
    expect((await signInAs(app, "a4", "guess-guess")).status).toBe(429);
    expect((await signInAs(app, "ito", "guess-guess")).status).toBe(429);
    // Same address, a new browser, the right password: in.
    expect((await signInAs(app, "sato")).status).toBe(200);
    // The throttle lives in the database: a second collector process on it answers alike.
    const other = createApp({
      storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      clientAddress: () => "192.0.2.1",
      signInThrottle: { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, now: () => monotonic },
    });
    for (let i = 0; i < 3; i++) expect((await signInAs(app, "ito", "guess-guess")).status).not.toBe(200);
    expect((await signInAs(other, "ito")).status).toBe(429);
    // The address is kept only as a keyed hash.
    const key = addressKey(TOKEN, "198.51.100.7");
    expect(key).toMatch(/^address:[0-9a-f]{64}$/);
    expect((await storage.signInFailuresOf(key))?.count).toBeGreaterThanOrEqual(3);
    expect((await storage.signInFailuresOf("login:ito"))?.count).toBeGreaterThanOrEqual(3);
  });
});
