import { EndedSessions } from "../../contract/account-sessions";
import {
  type Account,
  AccountList,
  type AccountPatch,
  Account as AccountSchema,
  type NewAccountBody,
} from "../../contract/accounts";
import { AuditList } from "../../contract/audit";
import { organizerFetch } from "./organizer-fetch";

/** Every account of the collector (admin). */
export async function fetchAccounts(): Promise<Account[]> {
  return AccountList.parse(await (await organizerFetch("/accounts", { cache: "no-store" })).json()).accounts;
}

/** A refused account (a login taken, a short password) throws ApiError with what and where. */
export async function createAccount(body: NewAccountBody): Promise<Account> {
  const response = await organizerFetch("/accounts", { method: "POST", json: body });
  return AccountSchema.parse(await response.json());
}

export async function changeAccount(id: string, patch: AccountPatch): Promise<Account> {
  const response = await organizerFetch(`/accounts/${encodeURIComponent(id)}`, {
    method: "PATCH",
    json: patch,
  });
  return AccountSchema.parse(await response.json());
}

/**
 * A new password for another account (admin, signed in): that account's sessions end. A refused one
 * (too short, one's own) throws ApiError with what and where.
 */
export async function setAccountPassword(id: string, password: string): Promise<EndedSessions> {
  const response = await organizerFetch(`/accounts/${encodeURIComponent(id)}/password`, {
    method: "PUT",
    json: { password },
  });
  return EndedSessions.parse(await response.json());
}

/** The audit log, newest first: a page of `limit` entries before `before` (an entry's `at`). */
export async function fetchAudit(options: { limit: number; before?: string }): Promise<AuditList> {
  const search = new URLSearchParams({ limit: String(options.limit) });
  if (options.before) search.set("before", options.before);
  return AuditList.parse(await (await organizerFetch(`/audit?${search}`, { cache: "no-store" })).json());
}

/** The whole log (up to the collector's limit) as a spreadsheet file. */
export async function fetchAuditCsv(): Promise<Blob> {
  return await (await organizerFetch("/audit?format=csv&limit=10000")).blob();
}
