import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { challengeCheck, keepChallenge } from "../../src/server/auth/passkey-ceremony";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, openAccountApp, sessionOf } from "./account-support";
import { describeEachStorage } from "./support";

/**
 * The passkey routes' checks short of a real authenticator's signature, which
 * tests/e2e/passkeys.e2e.ts makes with Chromium's virtual authenticator.
 */
describeEachStorage("passkeys", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date("2026-06-01T00:00:00Z");
    ({ app, storage, dispose } = await openAccountApp(variant, { now: () => clock }));
  });
  afterEach(async () => dispose());

  const post = (path: string, body: unknown, cookie = "") =>
    app.request(`${BASE}/api/v1${path}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const fakeAnswer = (id: string, challenge: string) => ({
    id,
    rawId: id,
    type: "public-key",
    response: {
      clientDataJSON: Buffer.from(
        JSON.stringify({ type: "webauthn.get", challenge, origin: BASE, crossOrigin: false }),
      ).toString("base64url"),
      authenticatorData: "AAAA",
      signature: "AAAA",
    },
    clientExtensionResults: {},
  });

  it("gives registration options for this site and the account, its challenge kept for one use", async () => {
    const sato = await addAccount(storage, "sato", "data_entry");
    const cookie = await sessionOf(app, "sato");
    const res = await post("/passkeys/options", {}, cookie);
    expect(res.status).toBe(200);
    const options = (await res.json()) as {
      challenge: string;
      rp: { id: string };
      user: { name: string; id: string };
      authenticatorSelection: { residentKey: string };
    };
    expect(options.rp.id).toBe("collector.test");
    expect(options.user.name).toBe("sato");
    expect(Buffer.from(options.user.id, "base64url").toString()).toBe(sato.id);
    expect(options.authenticatorSelection.residentKey).toBe("required");
    expect(await storage.takeChallenge(options.challenge)).toMatchObject({
      purpose: "register",
      accountId: sato.id,
    });
    expect(await storage.takeChallenge(options.challenge)).toBeUndefined();
  });

  it("accepts a challenge once, for its own ceremony and account, before it expires", async () => {
    await keepChallenge(storage, "c-once", "sign_in", null, clock);
    const check = challengeCheck(storage, "sign_in", null, clock);
    expect(await check("c-once")).toBe(true);
    expect(await check("c-once")).toBe(false);
    await keepChallenge(storage, "c-register", "register", "account-a", clock);
    expect(await challengeCheck(storage, "register", "account-b", clock)("c-register")).toBe(false);
    await keepChallenge(storage, "c-late", "sign_in", null, clock);
    expect(await challengeCheck(storage, "sign_in", null, new Date("2026-06-01T00:05:01Z"))("c-late")).toBe(
      false,
    );
    expect(await check("never-given")).toBe(false);
  });

  it("refuses an answer it cannot check, and a passkey no account has, audited as a failed sign-in", async () => {
    await addAccount(storage, "sato", "analyst");
    const cookie = await sessionOf(app, "sato");
    const options = (await (await post("/passkeys/options", {}, cookie)).json()) as { challenge: string };
    const bogus = await post("/passkeys", { response: fakeAnswer("cred", options.challenge) }, cookie);
    expect(bogus.status).toBe(400);
    expect(await bogus.json()).toMatchObject({ error: { code: "passkey_refused" } });
    expect((await post("/passkeys", { response: { id: "x" } }, cookie)).status).toBe(400);

    const signIn = (await (await post("/session/passkey/options", {})).json()) as {
      challenge: string;
      allowCredentials?: unknown[];
    };
    expect(signIn.allowCredentials ?? []).toEqual([]);
    const unknown = await post("/session/passkey", {
      response: fakeAnswer("no-such-credential", signIn.challenge),
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.getSetCookie()).toEqual([]);
    const failed = (await storage.auditEntries({ limit: 10 })).find((e) => e.action === "sign_in_failed");
    expect(failed?.detail).toEqual({ method: "passkey" });
    const byLogin = await post("/session/passkey/options", { login: "nobody" });
    expect(byLogin.status).toBe(200);
  });

  it("lists the account's passkeys and removes only its own", async () => {
    const sato = await addAccount(storage, "sato", "analyst");
    await addAccount(storage, "ito", "analyst");
    await storage.insertPasskey({
      id: "cred-1",
      accountId: sato.id,
      name: "laptop",
      publicKey: "AAAA",
      counter: 0,
      transports: ["internal"],
      createdAt: clock.toISOString(),
      lastUsedAt: null,
    });
    const cookie = await sessionOf(app, "sato");
    const list = await app.request(`${BASE}/api/v1/passkeys`, { headers: { Cookie: cookie } });
    expect(await list.json()).toEqual({
      passkeys: [{ id: "cred-1", name: "laptop", createdAt: clock.toISOString(), lastUsedAt: null }],
    });
    const del = (who: string) =>
      app.request(`${BASE}/api/v1/passkeys/cred-1`, {
        method: "DELETE",
        headers: { Cookie: who, Origin: BASE },
      });
    expect((await del(await sessionOf(app, "ito"))).status).toBe(404);
    expect((await del(cookie)).status).toBe(204);
    expect(await storage.passkeysOf(sato.id)).toEqual([]);
    expect((await storage.auditEntries({ limit: 10 })).map((e) => e.action)).toContain("passkey_removed");
  });
});
