/** A dashboard sign-in: the hash of its id, when it ends, and which organizer token opened it. */
export interface OrganizerSession {
  idHash: string;
  createdAt: string;
  expiresAt: string;
  /** The opening token's HMAC of idHash (auth/organizer-session.ts): another token's never matches. */
  tokenMac: string;
}

/** The dashboard's sign-in sessions, kept by the hash of their id. */
export interface SessionStorage {
  insertSession(session: OrganizerSession): Promise<void>;
  sessionByHash(idHash: string): Promise<OrganizerSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
}
