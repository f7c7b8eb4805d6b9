/** An account's named API token as stored: the hash of its secret, never the secret. */
export interface StoredApiToken {
  id: string;
  accountId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Named API tokens for scripts (issue 22). */
export interface ApiTokenStorage {
  insertApiToken(token: StoredApiToken): Promise<void>;
  /** The account's tokens not revoked, newest first. */
  apiTokensOf(accountId: string): Promise<StoredApiToken[]>;
  apiTokenByHash(tokenHash: string): Promise<StoredApiToken | undefined>;
  /** Revokes the account's token of that id; the token before, or undefined when it has none such live. */
  revokeApiToken(accountId: string, id: string, at: string): Promise<StoredApiToken | undefined>;
  touchApiToken(id: string, at: string): Promise<void>;
}
