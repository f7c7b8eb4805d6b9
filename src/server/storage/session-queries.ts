import type { Kysely } from "kysely";
import type { Database } from "./database";
import type { OrganizerSession } from "./session-storage";

export async function insertSession(db: Kysely<Database>, session: OrganizerSession): Promise<void> {
  await db
    .insertInto("organizer_sessions")
    .values({
      id_hash: session.idHash,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      token_mac: session.tokenMac,
    })
    .execute();
}

export async function sessionByHash(
  db: Kysely<Database>,
  idHash: string,
): Promise<OrganizerSession | undefined> {
  const row = await db
    .selectFrom("organizer_sessions")
    .selectAll()
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  return (
    row && {
      idHash: row.id_hash,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      tokenMac: row.token_mac,
    }
  );
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom("organizer_sessions").where("id_hash", "=", idHash).execute();
}

/** ISO instants in UTC sort as text, so "expired" is a string comparison on both dialects. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom("organizer_sessions").where("expires_at", "<=", now).execute();
}
