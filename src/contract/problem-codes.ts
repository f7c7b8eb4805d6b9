/**
 * The stable, machine-readable codes of what the collector refuses, shared by the collector that
 * sends them and the app that words them in the reader's language (src/app/collector/item-reason.ts,
 * src/app/dashboard/collector-problem.ts). The English `message` and `error` texts beside them are
 * for people and for old clients; a client acts on, and words, the code. A code may be added, never
 * renamed: a device keeps the codes of its rejected records for as long as it keeps the records.
 */

/** Every error body's `error.code`; src/server/problems.ts maps each to its HTTP status. */
export const PROBLEM_CODES = [
  "malformed_json",
  "invalid_body",
  "invalid_query",
  "invalid_path",
  "unknown_locale",
  "unauthorized",
  "cross_site_request",
  "forbidden",
  "not_found",
  "survey_not_found",
  "event_not_found",
  "device_not_found",
  "event_has_responses",
  "event_closed",
  "invitation_batch_not_found",
  "too_many_items",
  "body_too_large",
  "unsupported_media_type",
  "invalid_backup",
  "invalid_population_csv",
  "population_cells_missing",
  "invalid_workbook",
  "survey_id_mismatch",
  "version_conflict",
  "survey_exists",
  "login_taken",
  "account_not_found",
  "account_required",
  "wrong_password",
  "session_not_found",
  "last_admin",
  "own_password",
  "api_token_not_found",
  "invitation_invalid",
  "passkey_not_found",
  "passkey_refused",
  "results_not_found",
  "results_wave_empty",
  "rate_limited",
  "too_many_sign_ins",
  "responses_not_found",
  "nothing_matched",
  "review_change_not_found",
  "review_already_undone",
  "internal",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * Why a backup file is refused whole (`invalid_backup`): its first problem's `code`. The file's
 * own wording ("format is \"x\"", a JSON parser's complaint) stays in `message`, in English.
 */
export const BACKUP_PROBLEM_CODES = [
  /** Not JSON at all. */
  "not_json",
  /** JSON, but its `format` is not a Tsunagu backup's. */
  "not_a_backup",
  /** A backup of a version this collector does not read. */
  "unsupported_version",
  /** An item nested deeper than any response is (`path` names the item). */
  "nested_too_deep",
  /** A field of the file is missing or wrong (`path` names it, `message` says how, in English). */
  "invalid_field",
  /** The checksum does not match the items: changed or cut short. */
  "checksum_mismatch",
] as const;
export type BackupProblemCode = (typeof BACKUP_PROBLEM_CODES)[number];

/**
 * Why one item of POST /responses or /imports was not stored: an item result's `code`, beside its
 * English `error`. `invalid_response` and `invalid_answers` keep which field in `error`.
 */
export const ITEM_ERROR_CODES = [
  /** Not a response as the contract writes one (a field missing or of the wrong kind). */
  "invalid_response",
  /** A kiosk response sent without its tablet's device token. */
  "kiosk_token_missing",
  /** A paper keying sent without a signed-in account whose survey scope holds its survey. */
  "paper_keyer_missing",
  /** A kiosk response naming another device than its token's. */
  "device_mismatch",
  /** A kiosk response naming another event than its token's device's. */
  "event_mismatch",
  /** A survey this collector does not have. */
  "unknown_survey",
  /** A version of the survey this collector does not have. */
  "unknown_version",
  /** The answers do not fit the survey's questions. */
  "invalid_answers",
  /** Answered (by the device's believable clock) before the survey's first day, in Tokyo. */
  "survey_not_open",
  /** Answered (by the device's believable clock) after the survey's last day, in Tokyo. */
  "survey_closed",
  /** `conflict`: the id is stored with other content; nothing changed. */
  "content_differs",
  /** The invitation code's check character does not match: a typo the device should have caught. */
  "invitation_mistyped",
  /** No letter of this collector has the invitation code. */
  "invitation_unknown",
  /** The invitation code was used by another response (one response per letter). */
  "invitation_used",
  /** The invitation code is a letter of another survey. */
  "invitation_other_survey",
] as const;
export type ItemErrorCode = (typeof ITEM_ERROR_CODES)[number];

export const isItemErrorCode = (code: unknown): code is ItemErrorCode =>
  (ITEM_ERROR_CODES as readonly unknown[]).includes(code);
export const isProblemCode = (code: unknown): code is ProblemCode =>
  (PROBLEM_CODES as readonly unknown[]).includes(code);
export const isBackupProblemCode = (code: unknown): code is BackupProblemCode =>
  (BACKUP_PROBLEM_CODES as readonly unknown[]).includes(code);
