import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";

export const KNOWN_DEVICE_COOKIE = "tsunagu_known";
const YEAR_SECONDS = 365 * 24 * 3600;

const mac = (key: string, accountId: string, nonce: string) =>
  createHmac("sha256", key).update(`known-device\0${accountId}\0${nonce}`, "utf8").digest("base64url");

/**
 * A browser that once signed in to an account with its password is let past that account's sign-in
 * throttle (OWASP's "device cookie"): someone guessing one account's password slows every other
 * device down, never the people who already use it. The cookie opens nothing by itself; it only
 * lets the password be checked during a wait. Keyed by the collector's organizer token, so a
 * changed token forgets every known device.
 */
export function isKnownDevice(c: Context, key: string, accountId: string): boolean {
  const [id, nonce, presented] = (getCookie(c, KNOWN_DEVICE_COOKIE) ?? "").split(".");
  if (!id || !nonce || !presented || id !== accountId) return false;
  const expected = Buffer.from(mac(key, accountId, nonce));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function rememberDevice(c: Context, key: string, accountId: string, secure: boolean): void {
  const nonce = randomBytes(16).toString("base64url");
  setCookie(c, KNOWN_DEVICE_COOKIE, `${accountId}.${nonce}.${mac(key, accountId, nonce)}`, {
    httpOnly: true,
    sameSite: "Strict",
    secure,
    path: "/api/v1/session",
    maxAge: YEAR_SECONDS,
  });
}
