import type { AuditEntry } from "../../contract/audit";

/** Which entries to read, newest first. */
export interface AuditQuery {
  /** At most this many. */
  limit: number;
  /** Only entries before this instant (ISO 8601), to page back. */
  before?: string;
}

/**
 * The append-only audit log: an insert and a read, and deliberately nothing that updates or
 * deletes, so no route or command of the collector can rewrite what was done.
 */
export interface AuditStorage {
  appendAudit(entry: AuditEntry): Promise<void>;
  auditEntries(query: AuditQuery): Promise<AuditEntry[]>;
}
