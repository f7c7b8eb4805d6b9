import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SessionList } from "../../src/contract/account-sessions";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, openAccountApp, PASSWORD, sessionOf, signInAs } from "./account-support";
import { describeEachStorage, SURVEY, TOKEN } from "./support";

const TALLIES = `${BASE}/api/v1/surveys/${SURVEY}/tallies`;
const NEW_PASSWORD = "a longer new passphrase";

describeEachStorage("an account's sessions and password", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date("2026-06-01T00:00:00Z");
    ({ app, storage, dispose } = await openAccountApp(variant, {
      now: () => clock,
      clientAddress: () => "198.51.100.7",
    }));
  });
  afterEach(async () => dispose());

  const call = (method: string, path: string, cookie: string, body?: unknown) =>
    app.request(`${BASE}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json" },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const listOf = async (cookie: string) => {
    const res = await call("GET", "/sessions", cookie);
    expect(res.status).toBe(200);
    return ((await res.json()) as SessionList).sessions;
  };
  const works = async (cookie: string) =>
    (await app.request(TALLIES, { headers: { Cookie: cookie } })).status;
  const auditActions = async () => (await storage.auditEntries({ limit: 100 })).map((e) => e.action);

  it("lists the account's own live sessions, this one marked, never a cookie or its hash", async () => {
    await addAccount(storage, "sato", "analyst", [SURVEY]);
    await addAccount(storage, "ito", "analyst", [SURVEY]);
    const first = await sessionOf(app, "sato");
    clock = new Date("2026-06-01T00:05:00Z");
    const second = await sessionOf(app, "sato");
    await sessionOf(app, "ito");
    const listed = await listOf(second);
    expect(listed.map((s) => [s.createdAt, s.current])).toEqual([
      ["2026-06-01T00:05:00.000Z", true],
      ["2026-06-01T00:00:00.000Z", false],
    ]);
    const text = JSON.stringify(listed);
    for (const cookie of [first, second]) expect(text).not.toContain(cookie.split("=")[1]);
    // Used again after ten minutes, the first session's last use moves; within a minute it stays.
    clock = new Date("2026-06-01T00:15:00Z");
    expect(await works(first)).toBe(200);
    clock = new Date("2026-06-01T00:15:30Z");
    expect(await works(first)).toBe(200);
    const later = await listOf(first);
    expect(later.find((s) => s.current)?.lastSeenAt).toBe("2026-06-01T00:15:00.000Z");
    // An expired session is not listed.
    clock = new Date("2026-06-01T08:02:00Z");
    expect((await listOf(await sessionOf(app, "sato"))).length).toBe(2);
  });

  it("ends one session by its id, and every other one ('sign out everywhere'), audited", async () => {
    await addAccount(storage, "sato", "analyst", [SURVEY]);
    const ito = await addAccount(storage, "ito", "analyst", [SURVEY]);
    const [a, b, c] = [
      await sessionOf(app, "sato"),
      await sessionOf(app, "sato"),
      await sessionOf(app, "sato"),
    ];
    const itoCookie = await sessionOf(app, ito.login);
    const idOfB = (await listOf(b)).find((s) => s.current)?.id ?? "";
    // Another account cannot end it.
    const foreign = await call("DELETE", `/sessions/${encodeURIComponent(idOfB)}`, itoCookie);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: "session_not_found" } });
    expect(await works(b)).toBe(200);
    expect((await call("DELETE", `/sessions/${encodeURIComponent(idOfB)}`, a)).status).toBe(204);
    expect(await works(b)).toBe(401);
    const everywhere = await call("DELETE", "/sessions", a);
    expect(await everywhere.json()).toEqual({ ended: 1 });
    expect(await works(c)).toBe(401);
    expect(await works(a)).toBe(200);
    expect(await works(itoCookie)).toBe(200);
    expect(await auditActions()).toEqual(expect.arrayContaining(["session_ended", "sessions_ended"]));
  });

  it("lets an admin end another account's sessions; an analyst may not", async () => {
    await addAccount(storage, "tanaka", "admin");
    const sato = await addAccount(storage, "sato", "analyst", [SURVEY]);
    const admin = await sessionOf(app, "tanaka");
    const satoCookie = await sessionOf(app, "sato");
    expect((await call("DELETE", `/accounts/${sato.id}/sessions`, satoCookie)).status).toBe(403);
    const ended = await call("DELETE", `/accounts/${sato.id}/sessions`, admin);
    expect(await ended.json()).toEqual({ ended: 1 });
    expect(await works(satoCookie)).toBe(401);
    expect(await works(admin)).toBe(200);
    expect((await call("DELETE", "/accounts/nobody/sessions", admin)).status).toBe(404);
  });

  it("changes the account's own password: the old one stops, every other session ends, audited without it", async () => {
    await addAccount(storage, "sato", "analyst", [SURVEY]);
    const here = await sessionOf(app, "sato");
    const elsewhere = await sessionOf(app, "sato");
    const wrong = await call("POST", "/password", here, {
      currentPassword: "nope",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: { code: "wrong_password" } });
    const short = await call("POST", "/password", here, { currentPassword: PASSWORD, newPassword: "short" });
    expect(short.status).toBe(400);
    expect(await works(elsewhere)).toBe(200);
    const changed = await call("POST", "/password", here, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(204);
    expect(await works(elsewhere)).toBe(401);
    expect(await works(here)).toBe(200);
    expect((await signInAs(app, "sato")).status).toBe(401);
    expect((await signInAs(app, "sato", NEW_PASSWORD)).status).toBe(200);
    const entries = await storage.auditEntries({ limit: 100 });
    expect(entries.find((e) => e.action === "password_changed")).toMatchObject({
      actor: "sato",
      target: "sato",
      detail: { sessionsEnded: 1 },
    });
    expect(JSON.stringify(entries)).not.toContain(NEW_PASSWORD);
  });

  it("keeps the last active admin: it can be neither disabled nor demoted until another exists", async () => {
    const tanaka = await addAccount(storage, "tanaka", "admin");
    const admin = await sessionOf(app, "tanaka");
    for (const patch of [{ disabled: true }, { role: "analyst" }]) {
      const res = await call("PATCH", `/accounts/${tanaka.id}`, admin, patch);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: { code: "last_admin" } });
    }
    expect((await storage.accountById(tanaka.id))?.role).toBe("admin");
    await addAccount(storage, "kato", "admin");
    expect((await call("PATCH", `/accounts/${tanaka.id}`, admin, { role: "analyst" })).status).toBe(200);
  });

  it("keeps an admin when two admins demote each other at the same moment", async () => {
    const tanaka = await addAccount(storage, "tanaka", "admin");
    const kato = await addAccount(storage, "kato", "admin");
    // Rounds, as a race need not show in one: each starts from both enabled admins.
    for (let round = 0; round < 5; round++) {
      for (const { id } of [tanaka, kato])
        await storage.changeAccount(id, { role: "admin", disabledAt: null });
      const asTanaka = await sessionOf(app, "tanaka");
      const asKato = await sessionOf(app, "kato");
      const answers = await Promise.all([
        call("PATCH", `/accounts/${kato.id}`, asTanaka, { role: "analyst" }),
        call("PATCH", `/accounts/${tanaka.id}`, asKato, { disabled: true }),
      ]);
      // The second to be changed is refused (409 last_admin), or, where the first change ended its
      // session before it was let in, is no longer an admin's request at all.
      expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
      const enabledAdmins = (await storage.listAccounts()).filter(
        (a) => a.role === "admin" && a.disabledAt === null,
      );
      expect(enabledAdmins).toHaveLength(1);
    }
  });

  it("tells the bootstrap token it is no account (409 account_required)", async () => {
    const res = await app.request(`${BASE}/api/v1/sessions`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "account_required" } });
  });
});
