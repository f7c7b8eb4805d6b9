import { randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AccountStorage } from "../storage/account-storage";
import type { ApiTokenStorage } from "../storage/api-token-storage";
import { hashSessionId } from "./organizer-session";
import type { Principal } from "./principal";

/**
 * Every API token starts so: the collector looks up only a bearer token that does (a kiosk's device
 * token and the bootstrap token cost no query), and a secret scanner can recognise a leaked one.
 */
export const API_TOKEN_PREFIX = "tsunagu_pat_";

/** A new token (256 random bits) and the hash that is all the database keeps, as of a session id. */
export function newApiToken(): { token: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashSessionId(token) };
}

/** last_used_at is written at most this often: a list shows minutes, not every call. */
const TOUCH_EVERY_MS = 60_000;

const principals = new WeakMap<Request, Principal>();
/** The account a request's `Authorization: Bearer tsunagu_pat_…` acts as, when it is a live token. */
export const apiTokenPrincipalOf = (c: Context): Principal | undefined => principals.get(c.req.raw);

/**
 * Reads an API token once per request, for requireRole: live while not revoked, not expired and
 * its account enabled; it then acts with the account's role and scope as they are now.
 */
export function apiTokenBearer(
  storage: ApiTokenStorage & AccountStorage,
  now: () => Date,
): MiddlewareHandler {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("Authorization") ?? "");
    const presented = match?.[1];
    if (presented?.startsWith(API_TOKEN_PREFIX)) {
      const stored = await storage.apiTokenByHash(hashSessionId(presented));
      const at = now();
      const live =
        stored !== undefined &&
        stored.revokedAt === null &&
        (stored.expiresAt === null || stored.expiresAt > at.toISOString());
      const account = live ? await storage.accountById(stored.accountId) : undefined;
      if (stored && account && account.disabledAt === null) {
        principals.set(c.req.raw, { kind: "account", account, via: "api_token" });
        const seen = stored.lastUsedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(stored.lastUsedAt);
        if (!(at.getTime() - seen < TOUCH_EVERY_MS)) await storage.touchApiToken(stored.id, at.toISOString());
      }
    }
    await next();
  };
}
