import "../domain/zod-config";
import { z } from "zod/mini";
import { Account } from "./accounts";

/**
 * GET /session: whether this browser's session cookie is signed in, and as which account (none
 * when the bootstrap organizer token opened it). A question anyone may ask and "no" an answer, not
 * a refusal: a 401 here was logged as an error in the console of every dashboard opened before
 * signing in (docs/lighthouse.md).
 */
export const SessionState = z.object({ signedIn: z.boolean(), account: z.optional(Account) });
export type SessionState = z.infer<typeof SessionState>;

/** POST /session with the bootstrap organizer token: only while no admin account exists. */
export const TokenSignInBody = z.object({ token: z.string().check(z.minLength(1), z.maxLength(512)) });
/** POST /session as a person: an account's login and password (lengths checked, not rules: see Password). */
export const PasswordSignInBody = z.object({
  login: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export const SignInBody = z.union([TokenSignInBody, PasswordSignInBody]);
export type SignInBody = z.infer<typeof SignInBody>;
