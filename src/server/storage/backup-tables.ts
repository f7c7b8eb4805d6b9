import type { Database } from "./database";

export interface BackupTable {
  name: keyof Database;
  /** The primary key: rows are read in its order, a page at a time after the last key read. */
  key: readonly string[];
}

/**
 * Every table of the collector's schema, in the order a restore inserts them: a table comes after
 * the ones its foreign keys name (answer_choices after responses, kiosk_devices after events). A
 * table the database holds but this list lacks stops a backup (backup-queries.ts), so a migration
 * that adds one cannot be left out of backups silently; tests/server/backup.test.ts checks the list
 * against the migrated schema.
 */
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: "survey_versions", key: ["survey_id", "version"] },
  { name: "responses", key: ["id"] },
  { name: "answer_choices", key: ["response_id", "question_id", "option_id"] },
  { name: "events", key: ["id"] },
  { name: "kiosk_devices", key: ["id"] },
  { name: "population_totals", key: ["survey_id", "wave", "cell"] },
  { name: "accounts", key: ["id"] },
  { name: "organizer_sessions", key: ["id_hash"] },
  { name: "sign_in_failures", key: ["key"] },
  { name: "intake_salts", key: ["window_start"] },
  { name: "intake_counts", key: ["window_start", "source"] },
  { name: "audit_log", key: ["id"] },
  { name: "api_tokens", key: ["id"] },
  { name: "invitations", key: ["id"] },
  { name: "passkeys", key: ["id"] },
  { name: "webauthn_challenges", key: ["challenge"] },
  { name: "paper_keyings", key: ["response_id"] },
  { name: "review_changes", key: ["id"] },
  { name: "review_change_items", key: ["change_id", "response_id"] },
  { name: "invitation_batches", key: ["id"] },
  { name: "invitation_codes", key: ["code"] },
  { name: "results_publications", key: ["survey_id", "wave", "publication"] },
];
