import "../domain/zod-config";
import { z } from "zod/mini";
import { Password } from "./accounts";

/** One of the signed-in account's sessions (GET /sessions): never its id or the id's hash. */
export const ListedSession = z.object({
  /** A random name to end it by (DELETE /sessions/:id). */
  id: z.string(),
  createdAt: z.string(),
  /** When a request last came with it, to the minute. */
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type ListedSession = z.infer<typeof ListedSession>;

/** GET /sessions: the account's live sessions, newest first. */
export const SessionList = z.object({ sessions: z.array(ListedSession) });
export type SessionList = z.infer<typeof SessionList>;

/** DELETE /sessions (every other one of the account's), DELETE /accounts/:id/sessions (admin). */
export const EndedSessions = z.object({ ended: z.number() });
export type EndedSessions = z.infer<typeof EndedSessions>;

/** POST /password: the account's own password, changed; every other session of it ends. */
export const PasswordChangeBody = z.object({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(256)),
  newPassword: Password,
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/**
 * PUT /accounts/:id/password (admin, signed in): a new password for another account, for a person
 * who forgot theirs. Every session of that account ends, and its wrong tries are forgotten.
 */
export const PasswordSetBody = z.object({ password: Password });
export type PasswordSetBody = z.infer<typeof PasswordSetBody>;
