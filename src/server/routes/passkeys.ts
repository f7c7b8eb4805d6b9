import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { Hono } from "hono";
import {
  NewPasskeyBody,
  type Passkey,
  type PasskeyList,
  PasskeySignInBody,
  PasskeySignInOptionsBody,
} from "../../contract/passkeys";
import { recordAudit } from "../audit/record";
import { rememberDevice } from "../auth/known-device";
import { isHttps, sameOrigin, startSession } from "../auth/organizer-session";
import { challengeCheck, keepChallenge, RP_NAME, relyingParty, userHandleOf } from "../auth/passkey-ceremony";
import { requireAccount, requireSignedInAccount } from "../auth/require-account";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import type { AccountStorage } from "../storage/account-storage";
import type { AuditStorage } from "../storage/audit-storage";
import type { PasskeyStorage, StoredPasskey } from "../storage/passkey-storage";
import type { SessionStorage } from "../storage/session-storage";
import { publicAccount } from "./session";

type Deps = DepsWith<
  PasskeyStorage & AccountStorage & SessionStorage & AuditStorage,
  "organizerToken" | "now"
>;

const MAX_BODY_BYTES = 16 * 1024;
const listed = ({ id, name, createdAt, lastUsedAt }: StoredPasskey): Passkey => ({
  id,
  name,
  createdAt,
  lastUsedAt,
});
const refused = (why: string) => new HttpProblem("passkey_refused", `the passkey was not accepted: ${why}`);
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: a signed-in account registers one (options,
 * then the browser's answer), lists and removes its own; anyone signs in with one, by login or with
 * a discoverable passkey that names its account. Challenges live in the database, single-use and
 * short-lived (auth/passkey-ceremony.ts); the signature counter is checked and kept at each
 * sign-in. Adding, removing and signing in are audited.
 */
export function passkeyRoutes(deps: Deps): Hono {
  const now = () => deps.now?.() ?? new Date();
  return new Hono()
    .get("/passkeys", requireRole("GET /passkeys", deps), async (c) => {
      c.header("Cache-Control", "no-store");
      const account = requireAccount(c);
      const passkeys = (await deps.storage.passkeysOf(account.id)).map(listed);
      return c.json({ passkeys } satisfies PasskeyList);
    })
    .post("/passkeys/options", requireRole("POST /passkeys/options", deps), async (c) => {
      const account = requireSignedInAccount(c);
      const { rpID } = relyingParty(c);
      const existing = await deps.storage.passkeysOf(account.id);
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID,
        userName: account.login,
        userDisplayName: account.displayName,
        userID: userHandleOf(account),
        attestationType: "none",
        excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
        // Discoverable, so the sign-in form needs no login; verified by the device's own lock.
        authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
      });
      await keepChallenge(deps.storage, options.challenge, "register", account.id, now());
      c.header("Cache-Control", "no-store");
      return c.json(options);
    })
    .post("/passkeys", requireRole("POST /passkeys", deps), async (c) => {
      const account = requireSignedInAccount(c);
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: NewPasskeyBody,
        what: '{ "name"?, "response" } (the browser\'s answer to the options, as JSON)',
      });
      const at = now();
      const { rpID, origin } = relyingParty(c);
      let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verified = await verifyRegistrationResponse({
          response: body.response as unknown as RegistrationResponseJSON,
          expectedChallenge: challengeCheck(deps.storage, "register", account.id, at),
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
        });
      } catch (error) {
        throw refused(error instanceof Error ? error.message : "it could not be checked");
      }
      if (!verified.verified) throw refused("it could not be checked");
      const { credential } = verified.registrationInfo;
      const passkey: StoredPasskey = {
        id: credential.id,
        accountId: account.id,
        name: body.name ?? `passkey ${at.toISOString().slice(0, 10)}`,
        publicKey: base64url(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        createdAt: at.toISOString(),
        lastUsedAt: null,
      };
      if (!(await deps.storage.insertPasskey(passkey))) throw refused("it is registered already");
      await recordAudit(c, deps, "passkey_added", account.login, {
        passkeyId: passkey.id,
        name: passkey.name,
      });
      return c.json(listed(passkey), 201);
    })
    .delete("/passkeys/:id", requireRole("DELETE /passkeys/:id", deps), async (c) => {
      const account = requireAccount(c);
      const id = c.req.param("id");
      if (!(await deps.storage.deletePasskey(account.id, id)))
        throw new HttpProblem("passkey_not_found", "this account has no such passkey");
      await recordAudit(c, deps, "passkey_removed", account.login, { passkeyId: id });
      return c.body(null, 204);
    })
    .post("/session/passkey/options", async (c) => {
      const { login } = await readBody(c, {
        maxBytes: 1024,
        schema: PasskeySignInOptionsBody,
        what: '{ "login"? }',
      });
      const { rpID } = relyingParty(c);
      // An unknown login gets the same answer as one without passkeys: no list of accounts.
      const account =
        login === undefined ? undefined : await deps.storage.accountByLogin(login.toLowerCase());
      const passkeys = account ? await deps.storage.passkeysOf(account.id) : [];
      const options = await generateAuthenticationOptions({
        rpID,
        userVerification: "preferred",
        allowCredentials: passkeys.map((p) => ({ id: p.id, transports: p.transports })),
      });
      await keepChallenge(deps.storage, options.challenge, "sign_in", null, now());
      c.header("Cache-Control", "no-store");
      return c.json(options);
    })
    .post("/session/passkey", async (c) => {
      if (c.req.header("Origin") !== undefined && !sameOrigin(c))
        throw new HttpProblem("cross_site_request", "sign in from this site's own dashboard");
      const { response } = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: PasskeySignInBody,
        what: '{ "response" } (the browser\'s answer to the options, as JSON)',
      });
      const at = now();
      const passkey = await deps.storage.passkeyById(response.id);
      const account = passkey && (await deps.storage.accountById(passkey.accountId));
      const handle = (response.response as { userHandle?: unknown }).userHandle;
      const fail = async () => {
        await recordAudit(c, deps, "sign_in_failed", account?.login ?? null, { method: "passkey" }, null);
        return new HttpProblem("unauthorized", "that passkey does not sign in to an account here");
      };
      if (!passkey || !account || account.disabledAt !== null) throw await fail();
      // A discoverable passkey names its account; it must be the one the credential is stored for.
      if (typeof handle === "string" && handle !== base64url(userHandleOf(account))) throw await fail();
      const { rpID, origin } = relyingParty(c);
      let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
      try {
        verified = await verifyAuthenticationResponse({
          response: response as unknown as AuthenticationResponseJSON,
          expectedChallenge: challengeCheck(deps.storage, "sign_in", null, at),
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: {
            id: passkey.id,
            publicKey: Buffer.from(passkey.publicKey, "base64url"),
            counter: passkey.counter,
            transports: passkey.transports,
          },
          requireUserVerification: false,
        });
      } catch (error) {
        await recordAudit(c, deps, "sign_in_failed", account.login, { method: "passkey" }, null);
        throw refused(error instanceof Error ? error.message : "it could not be checked");
      }
      if (!verified.verified) throw await fail();
      await deps.storage.usePasskey(passkey.id, verified.authenticationInfo.newCounter, at.toISOString());
      const expiresAt = await startSession(c, deps.storage, at, { accountId: account.id });
      rememberDevice(c, deps.organizerToken, account.id, isHttps(c));
      await recordAudit(
        c,
        deps,
        "sign_in",
        account.login,
        { method: "passkey", passkeyId: passkey.id },
        account.login,
      );
      return c.json({ signedIn: true, expiresAt, account: publicAccount(account) });
    });
}
