import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountStorage } from "../storage/account-storage";
import type { SessionStorage } from "../storage/session-storage";
import { type Principal, setPrincipal } from "./principal";

export const SESSION_COOKIE = "tsunagu_session";
/** A working day: an office PC left signed in overnight is signed out by morning. */
export const SESSION_HOURS = 8;
const COOKIE_PATH = "/api/v1";

export const hashSessionId = (id: string) => createHash("sha256").update(id, "utf8").digest("hex");

/**
 * Which organizer token opened a session, stored with it: an HMAC of the session's id hash keyed by
 * the token. A session counts only while the collector's token gives the same MAC, so changing
 * ORGANIZER_TOKEN ends every session the old one opened, on every process sharing the database,
 * without a start-up step that one process might run and another not. Keyed per session, it is no
 * fingerprint of the token shared by every row; a copy of the table opens nothing (the ids are
 * hashed) and gives the token back only to whoever can guess it, which its strength rules out
 * (organizer-token.ts).
 */
export const sessionTokenMac = (idHash: string, organizerToken: string) =>
  createHmac("sha256", organizerToken).update(idHash, "utf8").digest("hex");

function openedBy(session: { idHash: string; tokenMac: string }, organizerToken: string): boolean {
  const expected = Buffer.from(sessionTokenMac(session.idHash, organizerToken), "utf8");
  const stored = Buffer.from(session.tokenMac, "utf8");
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/** How the request's session cookie stands, for requireOrganizer. */
export type SessionState = "valid" | "cross_site";
const states = new WeakMap<Request, SessionState>();
export const sessionStateOf = (c: Context): SessionState | undefined => states.get(c.req.raw);
/** The id hash of the live session the request came with, so GET /sessions can mark "this one". */
const currentHashes = new WeakMap<Request, string>();
export const currentSessionHash = (c: Context): string | undefined => currentHashes.get(c.req.raw);

/** last_seen_at is written at most this often per session: a list shows minutes, not every request. */
const TOUCH_EVERY_MS = 60_000;

export const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === "https:" || c.req.header("X-Forwarded-Proto") === "https";

/**
 * Whether a state-changing request comes from the collector's own pages. The session cookie is
 * SameSite=Strict already; this refuses a cross-site form or fetch even from a browser that does
 * not honour SameSite. A request without Origin is refused too: every browser sends it on POST.
 * Scheme, host and port must all match: the host alone let an https page (another origin, served
 * by whoever answers https on that name) pass on an http site. Behind a proxy that ends TLS, the
 * proxy's X-Forwarded-Proto says the site is https (as it does for the cookie's Secure flag).
 */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header("Origin");
  if (!origin) return false;
  try {
    const site = new URL(
      `${isHttps(c) ? "https" : "http"}://${c.req.header("Host") ?? new URL(c.req.url).host}`,
    );
    // URL drops a default port (:443 on https, :80 on http), so both sides compare alike.
    return new URL(origin).origin === site.origin;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who a live session is: its account while that account is enabled; for one the bootstrap token
 * opened, the token's admin while this collector's token gives its MAC and no admin account exists
 * (from the first admin on, the bootstrap token signs in no person: DESIGN "Configuration").
 */
async function principalOfSession(
  session: { idHash: string; tokenMac: string; accountId?: string | null },
  storage: AccountStorage,
  organizerToken: string,
): Promise<Principal | undefined> {
  if (session.accountId) {
    const account = await storage.accountById(session.accountId);
    return account && account.disabledAt === null ? { kind: "account", account } : undefined;
  }
  if (!openedBy(session, organizerToken) || (await storage.hasActiveAdmin())) return undefined;
  return { kind: "token" };
}

/**
 * Reads the session cookie once per request: a live session (see principalOfSession), and a
 * same-origin one when it changes state.
 */
export function organizerSession(
  storage: SessionStorage & AccountStorage,
  now: () => Date,
  organizerToken: string,
): MiddlewareHandler {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) {
      const session = await storage.sessionByHash(hashSessionId(id));
      const principal =
        session && session.expiresAt > now().toISOString()
          ? await principalOfSession(session, storage, organizerToken)
          : undefined;
      if (session && principal) {
        const valid = SAFE_METHODS.has(c.req.method) || sameOrigin(c);
        states.set(c.req.raw, valid ? "valid" : "cross_site");
        if (valid) {
          setPrincipal(c, principal);
          currentHashes.set(c.req.raw, session.idHash);
          const at = now();
          const seen = Date.parse(session.lastSeenAt ?? session.createdAt);
          if (!(at.getTime() - seen < TOUCH_EVERY_MS))
            await storage.touchSession(session.idHash, at.toISOString());
        }
      }
    }
    await next();
  };
}

/** Who opens a session: the bootstrap organizer token, or an account by its id. */
export type Opener = { organizerToken: string } | { accountId: string };

/**
 * A new session: a random id (256 bits) in the cookie, only its hash in the database, with the MAC
 * of the organizer token that opened it, or the account that signed in.
 */
export async function startSession(
  c: Context,
  storage: SessionStorage,
  now: Date,
  opener: Opener,
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const idHash = hashSessionId(id);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await storage.deleteExpiredSessions(now.toISOString());
  await storage.insertSession({
    idHash,
    handle: randomBytes(16).toString("base64url"),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
    ...("accountId" in opener
      ? { tokenMac: "", accountId: opener.accountId }
      : { tokenMac: sessionTokenMac(idHash, opener.organizerToken), accountId: null }),
  });
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: COOKIE_PATH,
    maxAge: SESSION_HOURS * 3600,
  });
  return expiresAt;
}

export async function endSession(c: Context, storage: SessionStorage): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await storage.deleteSession(hashSessionId(id));
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: isHttps(c) });
}
