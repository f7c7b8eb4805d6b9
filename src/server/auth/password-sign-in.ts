import { createHmac } from "node:crypto";
import type { Context } from "hono";
import type { StoredAccount } from "../storage/account-storage";
import { isKnownDevice } from "./known-device";
import { passwordMatches } from "./password";
import type { StoredSignInThrottle } from "./sign-in-throttle";

/**
 * The throttle's keys. An address is kept only as an HMAC keyed by the organizer token, so the
 * sign_in_failures table holds no address (DESIGN: nothing about a browser or its address is
 * stored); a login is keyed whether or not its account exists, so the throttle answers a made-up
 * login as it does a real one.
 */
export const addressKey = (organizerToken: string, address: string) =>
  `address:${createHmac("sha256", organizerToken).update(address, "utf8").digest("hex")}`;
export const loginKey = (login: string) => `login:${login.toLowerCase()}`;

export type PasswordOutcome =
  | { kind: "signed_in"; account: StoredAccount }
  | { kind: "wrong" }
  | { kind: "throttled"; waitMs: number };

/**
 * Checks a login and password against both throttles:
 * - per account: during its wait a password is not even checked (429), except from a browser that
 *   signed in to that account before (known-device.ts), so a guesser of one account slows itself,
 *   from any number of addresses, and not the account's own people;
 * - per address: during its wait a wrong password is 429 but the right one signs in, so a guesser
 *   behind an office's shared address locks no colleague out (as the organizer token always did).
 * A disabled account is as wrong as a wrong password. Every wrong try counts on both keys.
 */
export async function checkPassword(
  c: Context,
  input: { login: string; password: string; address: string; organizerToken: string },
  account: StoredAccount | undefined,
  throttle: StoredSignInThrottle,
): Promise<PasswordOutcome> {
  const keys = [loginKey(input.login), addressKey(input.organizerToken, input.address)] as const;
  const [accountWait, addressWait] = [await throttle.waitFor(keys[0]), await throttle.waitFor(keys[1])];
  const known = account !== undefined && isKnownDevice(c, input.organizerToken, account.id);
  const fail = async (): Promise<PasswordOutcome> => {
    for (const key of keys) await throttle.failed(key);
    const waitMs = Math.max(await throttle.waitFor(keys[0]), await throttle.waitFor(keys[1]));
    return accountWait > 0 || addressWait > 0 ? { kind: "throttled", waitMs } : { kind: "wrong" };
  };
  if (accountWait > 0 && !known) return fail();
  const right = await passwordMatches(account?.passwordHash, input.password);
  if (!right || !account || account.disabledAt !== null) return fail();
  for (const key of keys) await throttle.succeeded(key);
  return { kind: "signed_in", account };
}
