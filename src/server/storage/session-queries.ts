import type { Kysely } from "kysely";
import type { Database } from "./database";
import type { ListedSession, OrganizerSession, SignInFailures } from "./session-storage";

export async function insertSession(db: Kysely<Database>, session: OrganizerSession): Promise<void> {
  await db
    .insertInto("organizer_sessions")
    .values({
      id_hash: session.idHash,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      token_mac: session.tokenMac,
      account_id: session.accountId ?? null,
      handle: session.handle ?? null,
      last_seen_at: session.lastSeenAt ?? session.createdAt,
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
      accountId: row.account_id,
      handle: row.handle,
      lastSeenAt: row.last_seen_at,
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

export async function deleteAccountSessions(
  db: Kysely<Database>,
  accountId: string,
  exceptIdHash?: string,
): Promise<number> {
  let query = db.deleteFrom("organizer_sessions").where("account_id", "=", accountId);
  if (exceptIdHash !== undefined) query = query.where("id_hash", "<>", exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function accountSessions(
  db: Kysely<Database>,
  accountId: string,
  now: string,
): Promise<ListedSession[]> {
  const rows = await db
    .selectFrom("organizer_sessions")
    .select(["handle", "id_hash", "created_at", "last_seen_at", "expires_at"])
    .where("account_id", "=", accountId)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({
    handle: r.handle ?? r.id_hash,
    idHash: r.id_hash,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at ?? r.created_at,
    expiresAt: r.expires_at,
  }));
}

export async function deleteAccountSession(
  db: Kysely<Database>,
  accountId: string,
  handle: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("organizer_sessions")
    .where("account_id", "=", accountId)
    .where("handle", "=", handle)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function touchSession(db: Kysely<Database>, idHash: string, at: string): Promise<void> {
  await db
    .updateTable("organizer_sessions")
    .set({ last_seen_at: at })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function signInFailuresOf(
  db: Kysely<Database>,
  key: string,
): Promise<SignInFailures | undefined> {
  const row = await db.selectFrom("sign_in_failures").selectAll().where("key", "=", key).executeTakeFirst();
  // PostgreSQL's double precision comes back a number; Number() keeps SQLite's REAL alike.
  return (
    row && { count: Number(row.count), lastAt: Number(row.last_at), blockedUntil: Number(row.blocked_until) }
  );
}

export async function putSignInFailures(db: Kysely<Database>, key: string, f: SignInFailures): Promise<void> {
  const values = { count: f.count, last_at: f.lastAt, blocked_until: f.blockedUntil };
  await db
    .insertInto("sign_in_failures")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function forgetSignInFailures(
  db: Kysely<Database>,
  key: string | null,
  forgetBefore: number,
): Promise<void> {
  await db
    .deleteFrom("sign_in_failures")
    .where((eb) =>
      key === null
        ? eb("last_at", "<", forgetBefore).and("blocked_until", "<", forgetBefore)
        : eb.or([
            eb("key", "=", key),
            eb("last_at", "<", forgetBefore).and("blocked_until", "<", forgetBefore),
          ]),
    )
    .execute();
}
