/** A dashboard sign-in: the hash of its id, when it ends, and which organizer token opened it. */
export interface OrganizerSession {
  idHash: string;
  createdAt: string;
  expiresAt: string;
  /** The opening token's HMAC of idHash (auth/organizer-session.ts): another token's never matches. */
  tokenMac: string;
  /** The account that signed in (its tokenMac is ''); absent or null for the bootstrap token's. */
  accountId?: string | null;
  /** A random name to list and end it by (never the id or its hash); absent on a session before 2026-12-08. */
  handle?: string | null;
  /** When a request last came with it, to the minute (organizer-session.ts). */
  lastSeenAt?: string | null;
}

/** One live session of an account, as it lists its own (GET /sessions). */
export interface ListedSession {
  handle: string;
  idHash: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** One key's wrong sign-ins (auth/sign-in-throttle.ts), in milliseconds of the throttle's clock. */
export interface SignInFailures {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

/** The dashboard's sign-in sessions, kept by the hash of their id. */
export interface SessionStorage {
  insertSession(session: OrganizerSession): Promise<void>;
  sessionByHash(idHash: string): Promise<OrganizerSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
  /**
   * Ends every session of one account (disabled, its role, scope or password changed, or its own
   * "sign out everywhere"), but the one whose hash is `exceptIdHash`; how many ended.
   */
  deleteAccountSessions(accountId: string, exceptIdHash?: string): Promise<number>;
  /** An account's sessions not expired at `now`, newest first. */
  accountSessions(accountId: string, now: string): Promise<ListedSession[]>;
  /** Ends the account's session of that handle; false when it has none such. */
  deleteAccountSession(accountId: string, handle: string): Promise<boolean>;
  /** Notes that a request came with the session. */
  touchSession(idHash: string, at: string): Promise<void>;
  /** The sign-in throttle's state, in the database so every collector process shares it. */
  signInFailuresOf(key: string): Promise<SignInFailures | undefined>;
  putSignInFailures(key: string, failures: SignInFailures): Promise<void>;
  /** Forgets a key (a success), and every key whose last failure is before `forgetBefore`. */
  forgetSignInFailures(key: string | null, forgetBefore: number): Promise<void>;
}
