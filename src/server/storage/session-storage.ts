/** A dashboard sign-in: the hash of its id, when it ends, and which organizer token opened it. */
export interface OrganizerSession {
  idHash: string;
  createdAt: string;
  expiresAt: string;
  /** The opening token's HMAC of idHash (auth/organizer-session.ts): another token's never matches. */
  tokenMac: string;
  /** The account that signed in (its tokenMac is ''); absent or null for the bootstrap token's. */
  accountId?: string | null;
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
  /** Ends every session of one account (disabled, or its role or scope changed). */
  deleteAccountSessions(accountId: string): Promise<void>;
  /** The sign-in throttle's state, in the database so every collector process shares it. */
  signInFailuresOf(key: string): Promise<SignInFailures | undefined>;
  putSignInFailures(key: string, failures: SignInFailures): Promise<void>;
  /** Forgets a key (a success), and every key whose last failure is before `forgetBefore`. */
  forgetSignInFailures(key: string | null, forgetBefore: number): Promise<void>;
}
