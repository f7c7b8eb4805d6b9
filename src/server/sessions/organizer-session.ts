import { createHash, randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Storage } from "../storage";

export const SESSION_COOKIE = "tsunagu_session";
/** A working day: an office PC left signed in overnight is signed out by morning. */
export const SESSION_HOURS = 8;
const COOKIE_PATH = "/api/v1";

export const hashSessionId = (id: string) => createHash("sha256").update(id, "utf8").digest("hex");

/** How the request's session cookie stands, for requireOrganizer. */
export type SessionState = "valid" | "cross_site";
const states = new WeakMap<Request, SessionState>();
export const sessionStateOf = (c: Context): SessionState | undefined => states.get(c.req.raw);

const isHttps = (c: Context) =>
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

/** Reads the session cookie once per request: a live session, and a same-origin one when it changes state. */
export function organizerSession(storage: Storage, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) {
      const session = await storage.sessionByHash(hashSessionId(id));
      if (session && session.expiresAt > now().toISOString())
        states.set(c.req.raw, SAFE_METHODS.has(c.req.method) || sameOrigin(c) ? "valid" : "cross_site");
    }
    await next();
  };
}

/** A new session: a random id (256 bits) in the cookie, only its hash in the database. */
export async function startSession(c: Context, storage: Storage, now: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await storage.deleteExpiredSessions(now.toISOString());
  await storage.insertSession({ idHash: hashSessionId(id), createdAt: now.toISOString(), expiresAt });
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: COOKIE_PATH,
    maxAge: SESSION_HOURS * 3600,
  });
  return expiresAt;
}

export async function endSession(c: Context, storage: Storage): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await storage.deleteSession(hashSessionId(id));
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: isHttps(c) });
}
