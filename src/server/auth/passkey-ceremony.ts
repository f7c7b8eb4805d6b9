import type { Context } from "hono";
import type { StoredAccount } from "../storage/account-storage";
import type { PasskeyStorage, WebauthnChallenge } from "../storage/passkey-storage";
import { isHttps } from "./organizer-session";

/** How long a ceremony's challenge may be answered: the browser's own prompt times out at 60 s. */
export const CHALLENGE_MS = 5 * 60_000;
export const RP_NAME = "Tsunagu";

/**
 * The relying party a ceremony is for: this collector's origin as the browser reached it (behind a
 * TLS proxy: https), and its host name as the RP ID. The browser binds each passkey to that RP ID
 * and signs the origin it saw, so a request sent with a forged Host header gains nothing: the
 * signature names the page the person was really on.
 */
export function relyingParty(c: Context): { rpID: string; origin: string } {
  const origin = new URL(
    `${isHttps(c) ? "https" : "http"}://${c.req.header("Host") ?? new URL(c.req.url).host}`,
  ).origin;
  return { rpID: new URL(origin).hostname, origin };
}

/** The WebAuthn user handle of an account: its id, so a discoverable passkey names whose it is. */
export const userHandleOf = (account: Pick<StoredAccount, "id">) => new TextEncoder().encode(account.id);

/** Keeps a challenge just given out, for one use within CHALLENGE_MS. */
export async function keepChallenge(
  storage: Pick<PasskeyStorage, "insertChallenge">,
  challenge: string,
  purpose: WebauthnChallenge["purpose"],
  accountId: string | null,
  now: Date,
): Promise<void> {
  const expiresAt = new Date(now.getTime() + CHALLENGE_MS).toISOString();
  await storage.insertChallenge({ challenge, purpose, accountId, expiresAt }, now.toISOString());
}

/**
 * The library's expectedChallenge: takes the challenge the browser signed out of the database
 * (so it is used once, whichever process checks it) and accepts it only for the ceremony and
 * account it was given for, before it expires.
 */
export function challengeCheck(
  storage: Pick<PasskeyStorage, "takeChallenge">,
  purpose: WebauthnChallenge["purpose"],
  accountId: string | null,
  now: Date,
): (challenge: string) => Promise<boolean> {
  return async (challenge) => {
    const taken = await storage.takeChallenge(challenge);
    return (
      taken !== undefined &&
      taken.purpose === purpose &&
      taken.accountId === accountId &&
      taken.expiresAt > now.toISOString()
    );
  };
}
