import type { Context } from "hono";
import type { AuditAction, AuditDetail } from "../../contract/audit";
import { uuidv7 } from "../../domain/uuid";
import { actorOf, principalOf } from "../auth/principal";
import type { AuditStorage } from "../storage/audit-storage";

export interface AuditDeps {
  storage: Pick<AuditStorage, "appendAudit">;
  now?: (() => Date) | undefined;
}

/**
 * Appends one row to the audit log, as the request's principal (or `actor` when the request has
 * none yet, as at sign-in). `detail` carries ids, names, filters and counts: never an answer, a
 * password or a token; callers pass only those.
 */
export async function recordAudit(
  c: Context,
  deps: AuditDeps,
  action: AuditAction,
  target: string | null,
  detail: AuditDetail = {},
  actor: string | null = actorOf(principalOf(c)),
): Promise<void> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  await deps.storage.appendAudit({ id: uuidv7(), at, actor, action, target, detail });
}
