import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { CreatedInvitation, InvitationList } from "../../src/contract/invitations";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, cookieFrom, openAccountApp, sessionOf, signInAs } from "./account-support";
import { describeEachStorage, SURVEY } from "./support";

const TALLIES = `${BASE}/api/v1/surveys/${SURVEY}/tallies`;
const CHOSEN = "a passphrase of my own";

describeEachStorage("invitation links", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let clock: Date;
  let admin: string;
  beforeEach(async () => {
    clock = new Date("2026-06-01T00:00:00Z");
    ({ app, storage, dispose } = await openAccountApp(variant, { now: () => clock }));
    await addAccount(storage, "tanaka", "admin");
    admin = await sessionOf(app, "tanaka");
  });
  afterEach(async () => dispose());

  const post = (path: string, body: unknown, cookie = "") =>
    app.request(`${BASE}/api/v1${path}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const invite = async (body: unknown) => {
    const res = await post("/invitations", body, admin);
    expect(res.status).toBe(201);
    const made = (await res.json()) as CreatedInvitation;
    const token = new URL(made.url).hash.replace(/^#invitation=/, "");
    return { ...made, token };
  };
  const accept = (token: string, login = "suzuki", password = CHOSEN) =>
    post("/invitation/accept", { token, login, displayName: "鈴木", password });

  it("makes a one-time link that makes the account, signs it in and is then used up, audited", async () => {
    const made = await invite({ role: "analyst", surveys: [SURVEY], login: "suzuki" });
    expect(made.url).toMatch(/^http:\/\/collector\.test\/dashboard#invitation=[A-Za-z0-9_-]{43}$/);
    expect(made.invitation).toMatchObject({ role: "analyst", login: "suzuki", createdBy: "tanaka" });
    expect(made.invitation.expiresAt).toBe("2026-06-08T00:00:00.000Z");
    const listed = (await (
      await app.request(`${BASE}/api/v1/invitations`, { headers: { Cookie: admin } })
    ).json()) as InvitationList;
    expect(listed.invitations.map((i) => i.id)).toEqual([made.invitation.id]);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const preview = await post("/invitation", { token: made.token });
    expect(await preview.json()).toMatchObject({ role: "analyst", surveys: [SURVEY], login: "suzuki" });

    const accepted = await accept(made.token, "suzuki-k");
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({
      signedIn: true,
      account: { login: "suzuki-k", role: "analyst" },
    });
    const cookie = cookieFrom(accepted, "tsunagu_session");
    expect((await app.request(TALLIES, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await signInAs(app, "suzuki-k", CHOSEN)).status).toBe(200);

    const again = await accept(made.token, "other");
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { code: "invitation_invalid" } });
    expect((await post("/invitation", { token: made.token })).status).toBe(404);
    expect(await storage.accountByLogin("other")).toBeUndefined();
    const actions = (await storage.auditEntries({ limit: 50 })).map((e) => [e.action, e.actor, e.target]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["invitation_created", "tanaka", "suzuki"],
        ["invitation_accepted", "suzuki-k", "suzuki-k"],
      ]),
    );
    expect(JSON.stringify(await storage.auditEntries({ limit: 50 }))).not.toContain(made.token);
  });

  it("refuses an expired, withdrawn or made-up link, and keeps a link whose login was taken", async () => {
    const short = await invite({ role: "field_staff", surveys: "all", expiresInDays: 1 });
    const withdrawn = await invite({ role: "field_staff", surveys: "all" });
    const kept = await invite({ role: "data_entry", surveys: [SURVEY] });
    const taken = await accept(kept.token, "tanaka");
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: { code: "login_taken" } });
    const del = await app.request(`${BASE}/api/v1/invitations/${withdrawn.invitation.id}`, {
      method: "DELETE",
      headers: { Cookie: admin, Origin: BASE },
    });
    expect(del.status).toBe(204);
    clock = new Date("2026-06-02T00:00:01Z");
    for (const token of [short.token, withdrawn.token, "made-up"])
      expect((await accept(token, "someone")).status).toBe(404);
    expect((await accept(kept.token, "ok-login")).status).toBe(201);
    expect((await storage.accountByLogin("ok-login"))?.role).toBe("data_entry");
    expect(await storage.accountByLogin("someone")).toBeUndefined();
  });

  it("lets one of two simultaneous uses of a link make an account, never both", async () => {
    const made = await invite({ role: "analyst", surveys: "all" });
    const answers = await Promise.all([accept(made.token, "first"), accept(made.token, "second")]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 404]);
    const made2 = (await storage.listAccounts()).filter((a) => a.login === "first" || a.login === "second");
    expect(made2.length).toBe(1);
  });

  it("asks checked input: a bad role, scope or expiry is 400; a non-admin may not invite", async () => {
    for (const body of [
      { role: "owner", surveys: "all" },
      { role: "analyst", surveys: [] },
      { role: "analyst", surveys: "all", expiresInDays: 31 },
      { role: "analyst", surveys: "all", login: "Not Valid" },
    ])
      expect((await post("/invitations", body, admin)).status).toBe(400);
    await addAccount(storage, "sato", "analyst");
    expect(
      (await post("/invitations", { role: "admin", surveys: "all" }, await sessionOf(app, "sato"))).status,
    ).toBe(403);
  });
});
