import "../domain/zod-config";
import { z } from "zod/mini";

/**
 * GET /session: whether this browser's session cookie is signed in. A question anyone may ask and
 * "no" an answer, not a refusal: a 401 here was logged as an error in the console of every
 * dashboard opened before signing in (docs/lighthouse.md).
 */
export const SessionState = z.object({ signedIn: z.boolean() });
export type SessionState = z.infer<typeof SessionState>;

/** POST /session: the organizer token, or an api token, traded for a session cookie. */
export const SignInBody = z.object({ token: z.string().check(z.minLength(1), z.maxLength(512)) });
export type SignInBody = z.infer<typeof SignInBody>;
