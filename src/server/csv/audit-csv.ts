import type { AuditEntry } from "../../contract/audit";
import { csvRow } from "./cell";

const BOM = "\ufeff";
const HEAD = ["id", "at", "actor", "action", "target", "detail"] as const;

/**
 * The audit log as a CSV for Excel: UTF-8 with a BOM, CRLF, formula cells neutralised (cell.ts);
 * `detail` as the JSON object it is, so nothing of it is lost to columns.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return (
    BOM +
    csvRow(HEAD) +
    entries.map((e) => csvRow([e.id, e.at, e.actor, e.action, e.target, JSON.stringify(e.detail)])).join("")
  );
}
