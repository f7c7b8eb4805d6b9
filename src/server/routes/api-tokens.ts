import { Hono } from "hono";
import {
  type ApiToken,
  type ApiTokenList,
  type CreatedApiToken,
  NewApiTokenBody,
} from "../../contract/api-tokens";
import { uuidv7 } from "../../domain/uuid";
import { recordAudit } from "../audit/record";
import { newApiToken } from "../auth/api-token";
import { requireAccount, requireSignedInAccount } from "../auth/require-account";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import type { ApiTokenStorage, StoredApiToken } from "../storage/api-token-storage";
import type { AuditStorage } from "../storage/audit-storage";

const DAY_MS = 86_400_000;

const listed = ({ id, name, createdAt, expiresAt, lastUsedAt }: StoredApiToken): ApiToken => ({
  id,
  name,
  createdAt,
  expiresAt,
  lastUsedAt,
});

/**
 * An account's named API tokens for its scripts: made (the secret shown once), listed (never the
 * secret), revoked. A token acts as its account, with the role and scope the account has at each
 * call (`Authorization: Bearer tsunagu_pat_…`, auth/api-token.ts). Making and revoking are audited
 * by name, never the secret.
 */
export function apiTokenRoutes(
  deps: DepsWith<ApiTokenStorage & AuditStorage, "organizerToken" | "now">,
): Hono {
  const now = () => deps.now?.() ?? new Date();
  return new Hono()
    .get("/api-tokens", requireRole("GET /api-tokens", deps), async (c) => {
      c.header("Cache-Control", "no-store");
      const account = requireAccount(c);
      const tokens = (await deps.storage.apiTokensOf(account.id)).map(listed);
      return c.json({ tokens } satisfies ApiTokenList);
    })
    .post("/api-tokens", requireRole("POST /api-tokens", deps), async (c) => {
      const account = requireSignedInAccount(c);
      const body = await readBody(c, {
        maxBytes: 4096,
        schema: NewApiTokenBody,
        what: '{ "name", "expiresInDays"? } (a name of 1 to 100 characters, 1 to 366 days)',
      });
      const at = now();
      const { token, tokenHash } = newApiToken();
      const stored: StoredApiToken = {
        id: uuidv7(),
        accountId: account.id,
        name: body.name,
        tokenHash,
        createdAt: at.toISOString(),
        expiresAt:
          body.expiresInDays === undefined
            ? null
            : new Date(at.getTime() + body.expiresInDays * DAY_MS).toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await deps.storage.insertApiToken(stored);
      await recordAudit(c, deps, "api_token_created", account.login, {
        tokenId: stored.id,
        name: stored.name,
        expiresAt: stored.expiresAt,
      });
      c.header("Cache-Control", "no-store");
      return c.json({ token, apiToken: listed(stored) } satisfies CreatedApiToken, 201);
    })
    .delete("/api-tokens/:id", requireRole("DELETE /api-tokens/:id", deps), async (c) => {
      const account = requireAccount(c);
      const revoked = await deps.storage.revokeApiToken(account.id, c.req.param("id"), now().toISOString());
      if (!revoked) throw new HttpProblem("api_token_not_found", "this account has no such live API token");
      await recordAudit(c, deps, "api_token_revoked", account.login, {
        tokenId: revoked.id,
        name: revoked.name,
      });
      return c.body(null, 204);
    });
}
