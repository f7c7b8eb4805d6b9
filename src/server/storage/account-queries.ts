import type { Kysely, Selectable } from "kysely";
import { Role, SurveyScope } from "../../contract/accounts";
import type { AccountChange, StoredAccount } from "./account-storage";
import type { AccountsTable, Database } from "./database";

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

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("accounts")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
