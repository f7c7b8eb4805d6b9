import type { Kysely, Selectable } from "kysely";
import { Role, SurveyScope } from "../../contract/accounts";
import type { AccountChange, StoredAccount } from "./account-storage";
import type { AccountsTable, Database } from "./database";
import type { StorageKind } from "./storage";

const scopeText = (scope: SurveyScope) => (scope === "all" ? "all" : JSON.stringify(scope));

/** A row back as an account; a role or scope the contract does not know is a corrupt row: throw. */
function fromRow(row: Selectable<AccountsTable>): StoredAccount {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: Role.parse(row.role),
    surveys: SurveyScope.parse(row.surveys === "all" ? "all" : JSON.parse(row.surveys)),
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export async function insertAccount(db: Kysely<Database>, a: StoredAccount): Promise<boolean> {
  const inserted = await db
    .insertInto("accounts")
    .values({
      id: a.id,
      login: a.login,
      display_name: a.displayName,
      role: a.role,
      surveys: scopeText(a.surveys),
      password_hash: a.passwordHash,
      created_at: a.createdAt,
      disabled_at: a.disabledAt,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function accountBy(
  db: Kysely<Database>,
  column: "id" | "login",
  value: string,
): Promise<StoredAccount | undefined> {
  const row = await db.selectFrom("accounts").selectAll().where(column, "=", value).executeTakeFirst();
  return row && fromRow(row);
}

export async function listAccounts(db: Kysely<Database>): Promise<StoredAccount[]> {
  return (await db.selectFrom("accounts").selectAll().orderBy("login").execute()).map(fromRow);
}

export async function changeAccount(
  db: Kysely<Database>,
  id: string,
  change: AccountChange,
): Promise<StoredAccount | undefined> {
  const values = {
    ...(change.displayName !== undefined && { display_name: change.displayName }),
    ...(change.passwordHash !== undefined && { password_hash: change.passwordHash }),
    ...(change.role !== undefined && { role: change.role }),
    ...(change.surveys !== undefined && { surveys: scopeText(change.surveys) }),
    ...(change.disabledAt !== undefined && { disabled_at: change.disabledAt }),
  };
  if (Object.keys(values).length > 0)
    await db.updateTable("accounts").set(values).where("id", "=", id).execute();
  return accountBy(db, "id", id);
}

export async function hasActiveAdmin(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("accounts")
    .select("id")
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Refused inside the transaction, so that it rolls back: the change would leave no enabled admin. */
class LastAdmin extends Error {}

/**
 * `change`, unless it would leave no enabled admin where there was one: "last_admin" then, with
 * nothing changed. The count and the change are one transaction. On PostgreSQL it holds the enabled
 * admins' rows (FOR UPDATE, in one order), so of two admins demoting each other at once the second
 * waits, then counts what the first left; on SQLite the collector's one connection runs one
 * transaction at a time. Counted first and changed apart, two such requests both passed the
 * count and left the collector with no admin (tests/server/account-sessions.test.ts).
 */
export async function changeAccountKeepingAnAdmin(
  db: Kysely<Database>,
  kind: StorageKind,
  id: string,
  change: AccountChange,
): Promise<StoredAccount | "last_admin" | undefined> {
  try {
    return await db.transaction().execute(async (trx) => {
      const enabledAdmins = trx
        .selectFrom("accounts")
        .select("id")
        .where("role", "=", "admin")
        .where("disabled_at", "is", null)
        .orderBy("id");
      const before = (await (kind === "postgres" ? enabledAdmins.forUpdate() : enabledAdmins).execute()).map(
        (row) => row.id,
      );
      const after = await changeAccount(trx, id, change);
      if (!after) return undefined;
      const stillAdmin = after.role === "admin" && after.disabledAt === null;
      if (before.length > 0 && !stillAdmin && before.every((admin) => admin === id)) throw new LastAdmin();
      return after;
    });
  } catch (error) {
    if (error instanceof LastAdmin) return "last_admin";
    throw error;
  }
}
