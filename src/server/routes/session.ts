import { type Context, Hono } from "hono";
import type { Account } from "../../contract/accounts";
import { type SessionState, SignInBody } from "../../contract/session";
import { recordAudit } from "../audit/record";
import { rememberDevice } from "../auth/known-device";
import { endSession, isHttps, sameOrigin, sessionStateOf, startSession } from "../auth/organizer-session";
import { addressKey, checkPassword } from "../auth/password-sign-in";
import { principalOf, TOKEN_ACTOR } from "../auth/principal";
import { tokenMatches } from "../auth/require-organizer";
import { DEFAULT_SIGN_IN_THROTTLE, storedSignInThrottle } from "../auth/sign-in-throttle";
import type { DepsWith } from "../deps";
import { clientAddress } from "../http/client-address";
import { HttpProblem } from "../http/problems";
import { readJson } from "../http/read-body";
import type { AccountStorage, StoredAccount } from "../storage/account-storage";
import type { AuditStorage } from "../storage/audit-storage";
import type { SessionStorage } from "../storage/session-storage";

type Deps = DepsWith<
  SessionStorage & AccountStorage & AuditStorage,
  "organizerToken" | "now" | "clientAddress" | "signInThrottle"
>;

/** An account as the contract answers it: never its password hash. */
export const publicAccount = ({ passwordHash: _, ...account }: StoredAccount): Account => account;

const tooMany = (c: Context, waitMs: number, what: string) => {
  c.header("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
  return new HttpProblem("too_many_sign_ins", `too many wrong ${what}; wait before trying again`);
};

/**
 * Sign-in: an account's login and password, or (while no admin account exists) the bootstrap
 * organizer token, traded for an HttpOnly session cookie. Wrong tries are slowed per address and
 * per account (429 + Retry-After) in the database (auth/password-sign-in.ts); every sign-in and
 * every failure goes into the audit log, without the password or token tried.
 */
export function sessionRoutes(deps: Deps): Hono {
  const throttle = storedSignInThrottle(deps.storage, deps.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE);
  const addressOf = deps.clientAddress ?? clientAddress(0);
  const now = () => deps.now?.() ?? new Date();
  return new Hono()
    .post("/session", async (c) => {
      if (c.req.header("Origin") !== undefined && !sameOrigin(c))
        throw new HttpProblem("cross_site_request", "sign in from this site's own dashboard");
      const client = addressOf(c) ?? "unknown";
      const body = SignInBody.safeParse(await readJson(c, 4096));
      if (body.success && "login" in body.data) {
        const { login, password } = body.data;
        const account = await deps.storage.accountByLogin(login.toLowerCase());
        const input = { login, password, address: client, organizerToken: deps.organizerToken };
        const outcome = await checkPassword(c, input, account, throttle);
        if (outcome.kind !== "signed_in") {
          await recordAudit(c, deps, "sign_in_failed", login.toLowerCase(), { method: "password" }, null);
          if (outcome.kind === "throttled") throw tooMany(c, outcome.waitMs, "passwords");
          throw new HttpProblem("unauthorized", "that login and password do not match an account");
        }
        const expiresAt = await startSession(c, deps.storage, now(), { accountId: outcome.account.id });
        rememberDevice(c, deps.organizerToken, outcome.account.id, isHttps(c));
        await recordAudit(c, deps, "sign_in", login, { method: "password" }, outcome.account.login);
        return c.json({ signedIn: true, expiresAt, account: publicAccount(outcome.account) });
      }
      // The bootstrap token. Only wrong guesses are throttled. Refusing every try from a throttled
      // address let anyone who shares it (one office's NAT, a proxy in front) lock the organizer
      // out by guessing, so the token is checked first, whatever the throttle says, and the right
      // one signs in. What a throttled guesser learns: a wrong guess answers 429, exactly as a try
      // refused unread did before; the comparison takes the same time however much of a guess
      // matches (tokenMatches). The right token gets in during the wait: a guesser can reach it at
      // the pace of the rate limit on /api/v1, which against a token start-up accepts (at least 32
      // characters of some variety, auth/organizer-token.ts) finds nothing.
      const key = addressKey(deps.organizerToken, client);
      if (body.success && "token" in body.data && tokenMatches(body.data.token, deps.organizerToken)) {
        // From the first admin account on, the token is for scripts (Bearer) and opens no session.
        if (await deps.storage.hasActiveAdmin())
          throw new HttpProblem("unauthorized", "an admin account exists: sign in with an account");
        await throttle.succeeded(key);
        const expiresAt = await startSession(c, deps.storage, now(), { organizerToken: deps.organizerToken });
        await recordAudit(c, deps, "sign_in", null, { method: "organizer_token" }, TOKEN_ACTOR);
        return c.json({ signedIn: true, expiresAt });
      }
      // A wrong guess during the wait counts too, so the wait keeps doubling while guesses come.
      const throttled = (await throttle.waitFor(key)) > 0;
      await throttle.failed(key);
      await recordAudit(c, deps, "sign_in_failed", null, { method: "organizer_token" }, null);
      if (throttled) throw tooMany(c, await throttle.waitFor(key), "tokens");
      throw new HttpProblem("unauthorized", "that is not the organizer token");
    })
    .get("/session", (c) => {
      c.header("Cache-Control", "no-store");
      const principal = principalOf(c);
      const state: SessionState = {
        signedIn: sessionStateOf(c) === "valid",
        ...(principal?.kind === "account" && { account: publicAccount(principal.account) }),
      };
      return c.json(state);
    })
    .delete("/session", async (c) => {
      if (sessionStateOf(c) === "cross_site")
        throw new HttpProblem("cross_site_request", "sign out from this site's own dashboard");
      await endSession(c, deps.storage);
      return c.body(null, 204);
    });
}
