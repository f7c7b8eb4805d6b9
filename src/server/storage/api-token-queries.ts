import type { Kysely, Selectable } from "kysely";
import type { StoredApiToken } from "./api-token-storage";
import type { ApiTokensTable, Database } from "./database";

const fromRow = (row: Selectable<ApiTokensTable>): StoredApiToken => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export async function insertApiToken(db: Kysely<Database>, t: StoredApiToken): Promise<void> {
  await db
    .insertInto("api_tokens")
    .values({
      id: t.id,
      account_id: t.accountId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
      last_used_at: t.lastUsedAt,
      revoked_at: t.revokedAt,
    })
    .execute();
}

export async function apiTokensOf(db: Kysely<Database>, accountId: string): Promise<StoredApiToken[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(fromRow);
}

export async function apiTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<StoredApiToken | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function revokeApiToken(
  db: Kysely<Database>,
  accountId: string,
  id: string,
  at: string,
): Promise<StoredApiToken | undefined> {
  const row = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("account_id", "=", accountId)
    .where("revoked_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function touchApiToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
}
