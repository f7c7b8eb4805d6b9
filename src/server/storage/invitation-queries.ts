import type { Kysely, Selectable } from "kysely";
import { Role, SurveyScope } from "../../contract/accounts";
import type { Database, InvitationsTable } from "./database";
import type { StoredInvitation } from "./invitation-storage";

/** A row back as an invitation; a role or scope the contract does not know is a corrupt row: throw. */
const fromRow = (row: Selectable<InvitationsTable>): StoredInvitation => ({
  id: row.id,
  tokenHash: row.token_hash,
  role: Role.parse(row.role),
  surveys: SurveyScope.parse(row.surveys === "all" ? "all" : JSON.parse(row.surveys)),
  login: row.login,
  displayName: row.display_name,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  accountId: row.account_id,
  revokedAt: row.revoked_at,
});

export async function insertInvitation(db: Kysely<Database>, i: StoredInvitation): Promise<void> {
  await db
    .insertInto("invitations")
    .values({
      id: i.id,
      token_hash: i.tokenHash,
      role: i.role,
      surveys: i.surveys === "all" ? "all" : JSON.stringify(i.surveys),
      login: i.login,
      display_name: i.displayName,
      created_by: i.createdBy,
      created_at: i.createdAt,
      expires_at: i.expiresAt,
      used_at: i.usedAt,
      account_id: i.accountId,
      revoked_at: i.revokedAt,
    })
    .execute();
}

export async function openInvitations(db: Kysely<Database>, now: string): Promise<StoredInvitation[]> {
  const rows = await db
    .selectFrom("invitations")
    .selectAll()
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(fromRow);
}

export async function invitationByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<StoredInvitation | undefined> {
  const row = await db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function consumeInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  at: string,
  accountId: string,
): Promise<StoredInvitation | undefined> {
  const row = await db
    .updateTable("invitations")
    .set({ used_at: at, account_id: accountId })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at)
    .returningAll()
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function releaseInvitation(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("invitations").set({ used_at: null, account_id: null }).where("id", "=", id).execute();
}

export async function revokeInvitation(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<StoredInvitation | undefined> {
  const row = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  return row && fromRow(row);
}
