import type { Role, SurveyScope } from "../../contract/accounts";

/** An account as stored: the contract's Account and its password's argon2id PHC string. */
export interface StoredAccount {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  surveys: SurveyScope;
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
}

/** What may change of an account (an admin's change, or its own password); absent fields stay. */
export interface AccountChange {
  displayName?: string;
  passwordHash?: string;
  role?: Role;
  surveys?: SurveyScope;
  disabledAt?: string | null;
}

/** People's accounts (issue 22). */
export interface AccountStorage {
  /** false when the login is taken (nothing stored). */
  insertAccount(account: StoredAccount): Promise<boolean>;
  accountById(id: string): Promise<StoredAccount | undefined>;
  accountByLogin(login: string): Promise<StoredAccount | undefined>;
  /** Every account, by login. */
  listAccounts(): Promise<StoredAccount[]>;
  /** The account after the change, or undefined when there is no such account. */
  changeAccount(id: string, change: AccountChange): Promise<StoredAccount | undefined>;
  /** Whether an enabled admin account exists: from then on the bootstrap token signs in no one. */
  hasActiveAdmin(): Promise<boolean>;
  /**
   * changeAccount, refused ("last_admin", nothing changed) where it would disable or demote the last
   * enabled admin: checked and changed at once, so that two admins demoting each other cannot both pass.
   */
  changeAccountKeepingAnAdmin(
    id: string,
    change: AccountChange,
  ): Promise<StoredAccount | "last_admin" | undefined>;
}
