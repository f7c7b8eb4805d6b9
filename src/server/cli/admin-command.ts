import { Login, Password } from "../../contract/accounts";
import { uuidv7 } from "../../domain/uuid";
import { hashPassword } from "../auth/password";
import type { AccountStorage } from "../storage/account-storage";
import type { AuditStorage } from "../storage/audit-storage";
import type { Output } from "./output";

export const ADMIN_USAGE =
  "usage: npm run admin -- create LOGIN [--name DISPLAY_NAME]\n" +
  "  the password from ADMIN_PASSWORD, else the first line of standard input (at least 12 characters)";

/** What the audit log names for an account made at the server's own console. */
export const CLI_ACTOR = "console";

interface AdminDeps {
  storage: AccountStorage & AuditStorage;
  readPassword: () => Promise<string>;
  output: Output;
  now?: () => Date;
}

/**
 * `npm run admin -- create LOGIN`: an admin account of every survey, made by whoever can run
 * commands on the collector's machine (that is the proof of authority; no token is asked). The
 * password never comes on the command line, where `ps` and shell history would show it.
 * Exit 0: created; 1: refused (taken login, weak password); 2: usage.
 */
export async function runAdminCommand(args: readonly string[], deps: AdminDeps): Promise<number> {
  const [verb, login, ...rest] = args;
  const nameAt = rest.indexOf("--name");
  const displayName = nameAt >= 0 ? rest[nameAt + 1] : login;
  const extra = nameAt < 0 ? rest : rest.filter((_, i) => i !== nameAt && i !== nameAt + 1);
  if (verb !== "create" || !login || !displayName || extra.length > 0) {
    deps.output.err(ADMIN_USAGE);
    return 2;
  }
  if (!Login.safeParse(login).success) {
    deps.output.err(
      `the login "${login}" is not one: 2 to 64 of a-z 0-9 . _ -, starting with a letter or digit`,
    );
    return 1;
  }
  const password = (await deps.readPassword()).replace(/\r?\n$/, "");
  if (!Password.safeParse(password).success) {
    deps.output.err("the password must be 12 to 256 characters; nothing was created");
    return 1;
  }
  const createdAt = (deps.now?.() ?? new Date()).toISOString();
  const account = {
    id: uuidv7(),
    login,
    displayName,
    role: "admin" as const,
    surveys: "all" as const,
    passwordHash: await hashPassword(password),
    createdAt,
    disabledAt: null,
  };
  if (!(await deps.storage.insertAccount(account))) {
    deps.output.err(`the login "${login}" is taken; nothing was created`);
    return 1;
  }
  await deps.storage.appendAudit({
    id: uuidv7(),
    at: createdAt,
    actor: CLI_ACTOR,
    action: "account_created",
    target: login,
    detail: { role: "admin", surveys: "all" },
  });
  deps.output.out(
    `created admin "${login}"; from now on the organizer token signs in no one (scripts may still send it as a Bearer token)`,
  );
  return 0;
}
