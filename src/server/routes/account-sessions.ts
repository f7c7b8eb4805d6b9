import { Hono } from "hono";
import {
  type EndedSessions,
  PasswordChangeBody,
  PasswordSetBody,
  type SessionList,
} from "../../contract/account-sessions";
import { recordAudit } from "../audit/record";
import { currentSessionHash } from "../auth/organizer-session";
import { hashPassword, passwordMatches } from "../auth/password";
import { loginKey } from "../auth/password-sign-in";
import { requireAccount, requireSignedInAccount } from "../auth/require-account";
import { requireRole } from "../auth/require-role";
import { DEFAULT_SIGN_IN_THROTTLE, storedSignInThrottle } from "../auth/sign-in-throttle";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import type { AccountStorage } from "../storage/account-storage";
import type { AuditStorage } from "../storage/audit-storage";
import type { SessionStorage } from "../storage/session-storage";

type Deps = DepsWith<
  SessionStorage & AccountStorage & AuditStorage,
  "organizerToken" | "now" | "signInThrottle"
>;

/**
 * An account's own sessions: list them (this one marked; never an id or its hash), end one, end
 * every other ("sign out everywhere": DELETE /session then ends this one too), and change its
 * password, which ends every other session of it. An admin ends another account's sessions, and
 * sets a new password for one whose person forgot theirs.
 */
export function accountSessionRoutes(deps: Deps): Hono {
  const now = () => deps.now?.() ?? new Date();
  const throttle = storedSignInThrottle(deps.storage, deps.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE);
  return new Hono()
    .get("/sessions", requireRole("GET /sessions", deps), async (c) => {
      c.header("Cache-Control", "no-store");
      const account = requireAccount(c);
      const current = currentSessionHash(c);
      const listed = await deps.storage.accountSessions(account.id, now().toISOString());
      const sessions = listed.map(({ handle, idHash, ...times }) => ({
        id: handle,
        ...times,
        current: idHash === current,
      }));
      return c.json({ sessions } satisfies SessionList);
    })
    .delete("/sessions", requireRole("DELETE /sessions", deps), async (c) => {
      const account = requireAccount(c);
      const ended = await deps.storage.deleteAccountSessions(account.id, currentSessionHash(c) ?? "");
      await recordAudit(c, deps, "sessions_ended", account.login, { ended, others: true });
      return c.json({ ended } satisfies EndedSessions);
    })
    .delete("/sessions/:id", requireRole("DELETE /sessions/:id", deps), async (c) => {
      const account = requireAccount(c);
      if (!(await deps.storage.deleteAccountSession(account.id, c.req.param("id"))))
        throw new HttpProblem("session_not_found", "this account has no such session");
      await recordAudit(c, deps, "session_ended", account.login);
      return c.body(null, 204);
    })
    .delete("/accounts/:id/sessions", requireRole("DELETE /accounts/:id/sessions", deps), async (c) => {
      const target = await deps.storage.accountById(c.req.param("id"));
      if (!target) throw new HttpProblem("account_not_found", `there is no account "${c.req.param("id")}"`);
      const ended = await deps.storage.deleteAccountSessions(target.id);
      await recordAudit(c, deps, "sessions_ended", target.login, { ended });
      return c.json({ ended } satisfies EndedSessions);
    })
    .put("/accounts/:id/password", requireRole("PUT /accounts/:id/password", deps), async (c) => {
      // A person's signed-in session: an API token may not make a password (as it may not make a
      // token or a passkey), nor may the bootstrap token, which is no one.
      const admin = requireSignedInAccount(c);
      const target = await deps.storage.accountById(c.req.param("id"));
      if (!target) throw new HttpProblem("account_not_found", `there is no account "${c.req.param("id")}"`);
      // One's own password is changed with the current one (POST /password): a session left open
      // must not be a way to take the account over.
      if (target.id === admin.id)
        throw new HttpProblem(
          "own_password",
          "change your own password with your current one (POST /password)",
        );
      const body = await readBody(c, {
        maxBytes: 4096,
        schema: PasswordSetBody,
        what: '{ "password" } (12 characters or more)',
      });
      await deps.storage.changeAccount(target.id, { passwordHash: await hashPassword(body.password) });
      const ended = await deps.storage.deleteAccountSessions(target.id);
      // Locked out by wrong tries of the forgotten one, the person signs in with the new one at once.
      await throttle.succeeded(loginKey(target.login));
      await recordAudit(c, deps, "password_set", target.login, { sessionsEnded: ended });
      return c.json({ ended } satisfies EndedSessions);
    })
    .post("/password", requireRole("POST /password", deps), async (c) => {
      const account = requireSignedInAccount(c);
      const body = await readBody(c, {
        maxBytes: 4096,
        schema: PasswordChangeBody,
        what: '{ "currentPassword", "newPassword" } (the new one of 12 characters or more)',
      });
      // A stolen session must not become a way to guess the password: tries count on the
      // account's sign-in throttle.
      const key = loginKey(account.login);
      if ((await throttle.waitFor(key)) > 0)
        throw new HttpProblem("too_many_sign_ins", "too many wrong passwords; wait before trying again");
      if (!(await passwordMatches(account.passwordHash, body.currentPassword))) {
        await throttle.failed(key);
        throw new HttpProblem("wrong_password", "the current password is not right");
      }
      await deps.storage.changeAccount(account.id, { passwordHash: await hashPassword(body.newPassword) });
      const ended = await deps.storage.deleteAccountSessions(account.id, currentSessionHash(c) ?? "");
      await recordAudit(c, deps, "password_changed", account.login, { sessionsEnded: ended });
      return c.body(null, 204);
    });
}
