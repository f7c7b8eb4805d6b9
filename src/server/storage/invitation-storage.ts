import type { Role, SurveyScope } from "../../contract/accounts";

/** An invitation as stored: the hash of its link's token, never the token. */
export interface StoredInvitation {
  id: string;
  tokenHash: string;
  role: Role;
  surveys: SurveyScope;
  login: string | null;
  displayName: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  accountId: string | null;
  revokedAt: string | null;
}

/** One-time invitation links (issue 22). */
export interface InvitationStorage {
  insertInvitation(invitation: StoredInvitation): Promise<void>;
  /** Those neither used, withdrawn nor expired at `now`, newest first. */
  openInvitations(now: string): Promise<StoredInvitation[]>;
  invitationByHash(tokenHash: string): Promise<StoredInvitation | undefined>;
  /**
   * Marks it used by `accountId` if it is still open at `at`, in one statement, so two processes
   * (or two tabs) can never both use one link; the invitation, or undefined when it was not open.
   */
  consumeInvitation(tokenHash: string, at: string, accountId: string): Promise<StoredInvitation | undefined>;
  /** Opens it again (the account it was used for could not be made). */
  releaseInvitation(id: string): Promise<void>;
  /** Withdraws an open one; the invitation, or undefined when there is none such open. */
  revokeInvitation(id: string, at: string): Promise<StoredInvitation | undefined>;
}
