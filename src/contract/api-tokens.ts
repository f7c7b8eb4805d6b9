import "../domain/zod-config";
import { z } from "zod/mini";

/** An account's named API token as listed: never its secret, which is shown once, at creation. */
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** null: until revoked. */
  expiresAt: z.nullable(z.string()),
  /** To the minute; null until first used. */
  lastUsedAt: z.nullable(z.string()),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** GET /api-tokens: the account's live tokens (revoked ones are gone), newest first. */
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** POST /api-tokens: a name to tell it by, and optionally how many days it lasts (at most a year and a day). */
export const NewApiTokenBody = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  expiresInDays: z.optional(z.int().check(z.minimum(1), z.maximum(366))),
});
export type NewApiTokenBody = z.infer<typeof NewApiTokenBody>;

/** 201 of POST /api-tokens: `token` is shown only here (the collector keeps its sha256). */
export const CreatedApiToken = z.object({ token: z.string(), apiToken: ApiToken });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
