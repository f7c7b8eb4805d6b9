/** An account's passkey as stored: the public key and counter WebAuthn checks a sign-in against. */
export interface StoredPasskey {
  id: string;
  accountId: string;
  name: string;
  /** base64url of the COSE public key. */
  publicKey: string;
  counter: number;
  transports: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

/** What a challenge was given for: registering a passkey (by an account) or signing in. */
export interface WebauthnChallenge {
  challenge: string;
  purpose: "register" | "sign_in";
  accountId: string | null;
  expiresAt: string;
}

/** Passkeys and their ceremonies' challenges (issue 22). */
export interface PasskeyStorage {
  /** false when the credential id is registered already (nothing stored). */
  insertPasskey(passkey: StoredPasskey): Promise<boolean>;
  passkeysOf(accountId: string): Promise<StoredPasskey[]>;
  passkeyById(id: string): Promise<StoredPasskey | undefined>;
  /** After a sign-in: the counter the authenticator reported, and when. */
  usePasskey(id: string, counter: number, at: string): Promise<void>;
  /** false when the account has no passkey of that id. */
  deletePasskey(accountId: string, id: string): Promise<boolean>;
  /** Stores a new challenge, and forgets every one expired at `now`. */
  insertChallenge(challenge: WebauthnChallenge, now: string): Promise<void>;
  /** Takes (deletes) a challenge: what it was given for, or undefined when it was never given or taken already. */
  takeChallenge(challenge: string): Promise<WebauthnChallenge | undefined>;
}
