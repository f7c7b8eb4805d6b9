import type { AuditDetail } from "../../../contract/audit";
import { t } from "../../../i18n";

/** An action in the reader's language; one this build does not know (a newer collector's) as its id. */
export function auditActionText(action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

/** What the entry records beside its target, as "key: value" pairs (ids and counts, never answers). */
export function auditDetailText(detail: AuditDetail): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${value === null ? "—" : String(value)}`)
    .join(", ");
}
