import { Hono } from "hono";
import { type AccountList, AccountPatch, NewAccountBody } from "../../contract/accounts";
import { uuidv7 } from "../../domain/uuid";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import type { AccountStorage } from "../storage/account-storage";
import type { AuditStorage } from "../storage/audit-storage";
import type { SessionStorage } from "../storage/session-storage";
import { publicAccount } from "./session";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Admins manage people's accounts: create (with a first password), list, and change the role,
 * survey scope, name or disabled state. A change of role, scope or state ends the account's
 * sessions, so what it may do changes at once, not at its next sign-in. Each change is audited,
 * with what changed and never the password.
 */
export function accountRoutes(
  deps: DepsWith<AccountStorage & AuditStorage & SessionStorage, "organizerToken" | "now">,
): Hono {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  return new Hono()
    .get("/accounts", requireRole("GET /accounts", deps), async (c) => {
      c.header("Cache-Control", "no-store");
      const accounts = (await deps.storage.listAccounts()).map(publicAccount);
      return c.json({ accounts } satisfies AccountList);
    })
    .post("/accounts", requireRole("POST /accounts", deps), async (c) => {
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: NewAccountBody,
        what: '{ "login", "displayName", "role", "surveys", "password" }',
      });
      const { password, ...rest } = body;
      const account = { id: uuidv7(), ...rest, passwordHash: await hashPassword(password), createdAt: now() };
      if (!(await deps.storage.insertAccount({ ...account, disabledAt: null })))
        throw new HttpProblem("login_taken", `the login "${body.login}" is taken`);
      await recordAudit(c, deps, "account_created", body.login, {
        role: body.role,
        surveys: body.surveys === "all" ? "all" : body.surveys.join(" "),
      });
      return c.json(publicAccount({ ...account, disabledAt: null }), 201);
    })
    .patch("/accounts/:id", requireRole("PATCH /accounts/:id", deps), async (c) => {
      const id = c.req.param("id");
      const patch = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: AccountPatch,
        what: '{ "displayName"?, "role"?, "surveys"?, "disabled"? }',
      });
      const before = await deps.storage.accountById(id);
      if (!before) throw new HttpProblem("account_not_found", `there is no account "${id}"`);
      const { disabled, ...rest } = patch;
      const disabledAt = disabled === undefined ? undefined : disabled ? (before.disabledAt ?? now()) : null;
      // The last active admin stays one, so a person can always manage accounts from the dashboard
      // (without an active admin only the bootstrap token could).
      const after = await deps.storage.changeAccountKeepingAnAdmin(id, {
        ...rest,
        ...(disabledAt !== undefined && { disabledAt }),
      });
      if (after === "last_admin")
        throw new HttpProblem(
          "last_admin",
          `"${before.login}" is the last active admin: make another admin first`,
        );
      if (!after) throw new HttpProblem("account_not_found", `there is no account "${id}"`);
      if (patch.role !== undefined || patch.surveys !== undefined || disabled === true)
        await deps.storage.deleteAccountSessions(id);
      await recordAudit(c, deps, "account_changed", after.login, {
        ...(patch.displayName !== undefined && { displayName: patch.displayName }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.surveys !== undefined && {
          surveys: patch.surveys === "all" ? "all" : patch.surveys.join(" "),
        }),
        ...(disabled !== undefined && { disabled }),
      });
      return c.json(publicAccount(after));
    });
}
