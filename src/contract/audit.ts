import "../domain/zod-config";
import { z } from "zod/mini";

/**
 * What the audit log records (DESIGN "Rules that keep data safe"). An action may be added, never
 * renamed: the log keeps its rows for good.
 */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "account_created",
  "account_changed",
  "version_published",
  "review_changed",
  "export_downloaded",
  "population_uploaded",
  "backup_imported",
  "collector_backed_up",
  "event_created",
  "device_enrolled",
  "device_revoked",
  "event_changed",
  "event_deleted",
  "device_renamed",
  "paper_keyed",
  "paper_form_settled",
  "review_undone",
  "session_ended",
  "sessions_ended",
  "password_changed",
  "password_set",
  "api_token_created",
  "api_token_revoked",
  "invitation_created",
  "invitation_revoked",
  "invitation_accepted",
  "passkey_added",
  "passkey_removed",
  "results_published",
  "results_unpublished",
  "invitations_created",
  "invitation_codes_downloaded",
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** Ids, names, counts and filters of what was done: never an answer, a password or a token. */
export const AuditDetail = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type AuditDetail = z.infer<typeof AuditDetail>;

/** One row of the append-only audit log. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** The account's login, "organizer-token" for the bootstrap token, or null (a failed sign-in). */
  actor: z.nullable(z.string()),
  action: AuditAction,
  /** What it was done to: a survey id, an account's login, a device id; null when nothing one. */
  target: z.nullable(z.string()),
  detail: AuditDetail,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /audit (admin): newest first. */
export const AuditList = z.object({ entries: z.array(AuditEntry) });
export type AuditList = z.infer<typeof AuditList>;
