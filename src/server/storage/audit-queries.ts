import type { Kysely } from "kysely";
import { AuditAction, AuditDetail, type AuditEntry } from "../../contract/audit";
import type { AuditQuery } from "./audit-storage";
import type { Database } from "./database";

export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: e.id,
      at: e.at,
      actor: e.actor,
      action: e.action,
      target: e.target,
      detail: JSON.stringify(e.detail),
    })
    .execute();
}

/** Newest first; the id (a UUIDv7) orders entries of the same millisecond as they were written. */
export async function auditEntries(db: Kysely<Database>, query: AuditQuery): Promise<AuditEntry[]> {
  let select = db.selectFrom("audit_log").selectAll();
  if (query.before !== undefined) select = select.where("at", "<", query.before);
  const rows = await select.orderBy("at", "desc").orderBy("id", "desc").limit(query.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: AuditAction.parse(row.action),
    target: row.target,
    detail: AuditDetail.parse(JSON.parse(row.detail)),
  }));
}
