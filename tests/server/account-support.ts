import type { Hono } from "hono";
import type { Role, SurveyScope } from "../../src/contract/accounts";
import { uuidv7 } from "../../src/domain/uuid";
import { type AppDeps, createApp } from "../../src/server/app";
import { hashPassword } from "../../src/server/auth/password";
import type { AccountStorage, StoredAccount } from "../../src/server/storage";
import { fixtureSurveys, type StorageVariant, TOKEN } from "./support";

export const BASE = "http://collector.test";
export const PASSWORD = "correct horse battery";

/** An account stored directly (as `npm run admin -- create` does), with PASSWORD unless given. */
export async function addAccount(
  storage: AccountStorage,
  login: string,
  role: Role,
  surveys: SurveyScope = "all",
  password = PASSWORD,
): Promise<StoredAccount> {
  const account: StoredAccount = {
    id: uuidv7(),
    login,
    displayName: login,
    role,
    surveys,
    passwordHash: await hashPassword(password),
    createdAt: "2026-06-01T00:00:00.000Z",
    disabledAt: null,
  };
  if (!(await storage.insertAccount(account))) throw new Error(`login ${login} taken`);
  return account;
}

/** POST /session with a login and password, from this site's own page. */
export function signInAs(
  app: Hono,
  login: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  return app.request(`${BASE}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: BASE, ...headers },
    body: JSON.stringify({ login, password }),
  });
}

/** The `name=value` of a cookie the answer sets. */
export function cookieFrom(res: globalThis.Response, name: string): string {
  const found = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${res.status}`);
  return found;
}

/** A signed-in account's session cookie (`tsunagu_session=…`). */
export async function sessionOf(app: Hono, login: string, password = PASSWORD): Promise<string> {
  const res = await signInAs(app, login, password);
  if (res.status !== 200) throw new Error(`sign-in of ${login}: ${res.status} ${await res.text()}`);
  return cookieFrom(res, "tsunagu_session");
}

/**
 * A migrated storage of `variant` and the collector over it, with the bootstrap token, the fixture
 * surveys and the caller's clock (and any other deps): the set-up of the account tests.
 */
export async function openAccountApp(variant: StorageVariant, deps: Partial<AppDeps> = {}) {
  const opened = await variant.open();
  await opened.storage.migrate();
  const app = createApp({
    storage: opened.storage,
    surveys: fixtureSurveys(),
    organizerToken: TOKEN,
    log: () => {},
    ...deps,
  });
  return { app, storage: opened.storage, dispose: opened.dispose };
}
