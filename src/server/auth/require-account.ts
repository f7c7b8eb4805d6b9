import type { Context } from "hono";
import { HttpProblem } from "../http/problems";
import type { StoredAccount } from "../storage/account-storage";
import { principalOf } from "./principal";

/**
 * The account a request acts as, for a route about the caller's own things (its sessions, API
 * tokens, passkeys, password). requireRole has let it through already; the bootstrap organizer
 * token passes that and is no account, so it is told so (409 account_required), not refused as if
 * it lacked a right.
 */
export function requireAccount(c: Context): StoredAccount {
  const principal = principalOf(c);
  if (principal?.kind !== "account")
    throw new HttpProblem("account_required", "the organizer token is no account: sign in with one");
  return principal.account;
}

/**
 * The account, when the request is a person's signed-in session: what makes a lasting credential
 * (an API token, a passkey, a password) is refused to an API token (403), so a leaked script token
 * cannot make itself a successor the revocation would miss.
 */
export function requireSignedInAccount(c: Context): StoredAccount {
  const account = requireAccount(c);
  const principal = principalOf(c);
  if (principal?.kind === "account" && principal.via === "api_token")
    throw new HttpProblem("forbidden", "an API token cannot make tokens, passkeys or passwords: sign in");
  return account;
}
