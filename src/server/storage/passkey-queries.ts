import type { Kysely, Selectable } from "kysely";
import type { Database, PasskeysTable } from "./database";
import type { StoredPasskey, WebauthnChallenge } from "./passkey-storage";

const fromRow = (row: Selectable<PasskeysTable>): StoredPasskey => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  publicKey: row.public_key,
  counter: Number(row.counter),
  transports: JSON.parse(row.transports) as string[],
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export async function insertPasskey(db: Kysely<Database>, p: StoredPasskey): Promise<boolean> {
  const inserted = await db
    .insertInto("passkeys")
    .values({
      id: p.id,
      account_id: p.accountId,
      name: p.name,
      public_key: p.publicKey,
      counter: p.counter,
      transports: JSON.stringify(p.transports),
      created_at: p.createdAt,
      last_used_at: p.lastUsedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function passkeysOf(db: Kysely<Database>, accountId: string): Promise<StoredPasskey[]> {
  const rows = await db
    .selectFrom("passkeys")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(fromRow);
}

export async function passkeyById(db: Kysely<Database>, id: string): Promise<StoredPasskey | undefined> {
  const row = await db.selectFrom("passkeys").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

export async function usePasskey(
  db: Kysely<Database>,
  id: string,
  counter: number,
  at: string,
): Promise<void> {
  await db.updateTable("passkeys").set({ counter, last_used_at: at }).where("id", "=", id).execute();
}

export async function deletePasskey(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("passkeys")
    .where("account_id", "=", accountId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** ISO instants in UTC sort as text, so "expired" is a string comparison on both dialects. */
export async function insertChallenge(
  db: Kysely<Database>,
  c: WebauthnChallenge,
  now: string,
): Promise<void> {
  await db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).execute();
  await db
    .insertInto("webauthn_challenges")
    .values({ challenge: c.challenge, purpose: c.purpose, account_id: c.accountId, expires_at: c.expiresAt })
    .execute();
}

/** One DELETE … RETURNING: of two requests with one challenge, only one gets it. */
export async function takeChallenge(
  db: Kysely<Database>,
  challenge: string,
): Promise<WebauthnChallenge | undefined> {
  const row = await db
    .deleteFrom("webauthn_challenges")
    .where("challenge", "=", challenge)
    .returningAll()
    .executeTakeFirst();
  return (
    row && {
      challenge: row.challenge,
      purpose: row.purpose,
      accountId: row.account_id,
      expiresAt: row.expires_at,
    }
  );
}
