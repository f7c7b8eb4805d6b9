import type { Context } from "hono";
import type { Role, SurveyScope } from "../../contract/accounts";
import type { StoredAccount } from "../storage/account-storage";

/** Who a request acts as: an account, or the bootstrap organizer token (an admin of every survey). */
export type Principal =
  | { kind: "token" }
  /** `via` "api_token": a script's named token (auth/api-token.ts), not a person's sign-in. */
  | { kind: "account"; account: StoredAccount; via?: "api_token" };

/** What the audit log and version lists name for the bootstrap token. */
export const TOKEN_ACTOR = "organizer-token";

const principals = new WeakMap<Request, Principal>();

export const setPrincipal = (c: Context, principal: Principal) => principals.set(c.req.raw, principal);
export const principalOf = (c: Context): Principal | undefined => principals.get(c.req.raw);

export const roleOf = (p: Principal): Role => (p.kind === "token" ? "admin" : p.account.role);
export const scopeOf = (p: Principal): SurveyScope => (p.kind === "token" ? "all" : p.account.surveys);
export const actorOf = (p: Principal | undefined): string | null =>
  p === undefined ? null : p.kind === "token" ? TOKEN_ACTOR : p.account.login;
