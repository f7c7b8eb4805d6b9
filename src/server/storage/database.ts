import type { ReviewState } from "../../domain/review";

/**
 * The collector's tables as Kysely sees them: one schema for SQLite and PostgreSQL. Instants are
 * ISO 8601 text so both dialects store and sort them alike.
 */
export interface ResponsesTable {
  id: string;
  survey_id: string;
  survey_version: number;
  /** Fiscal year (年度) of submitted_at in Asia/Tokyo. */
  wave: number;
  submitted_at: string;
  received_at: string;
  locale: string;
  mode: "self" | "kiosk";
  event_id: string | null;
  device_id: string | null;
  /** The answers object as JSON text. */
  answers: string;
  /** sha256 of the whole response's canonical JSON: equal content, equal hash. */
  content_hash: string;
  /** Only counted responses are tallied, counted and exported (and have answer_choices rows). */
  review_state: ReviewState;
  /** Why a response is held or excluded (a HoldReason, or an analyst's reason); null when counted. */
  review_reason: string | null;
}

/** One row per chosen option of a choice answer, so tallies are GROUP BYs. */
export interface AnswerChoicesTable {
  response_id: string;
  survey_id: string;
  wave: number;
  question_id: string;
  option_id: string;
}

/** Where staff collect answers on shared tablets. */
export interface EventsTable {
  id: string;
  survey_id: string;
  name: string;
  place: string;
  /** YYYY-MM-DD. */
  date: string;
  created_at: string;
}

/** A tablet enrolled for one event; only the sha256 of its token is kept. */
export interface KioskDevicesTable {
  id: string;
  label: string;
  token_hash: string;
  event_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** The register's population of one cell of a survey's post-stratification (see its migration). */
export interface PopulationTotalsTable {
  survey_id: string;
  cell: string;
  /** JSON list of the question ids the cells are made of. */
  dimensions: string;
  population: number;
  uploaded_at: string;
}

export interface OrganizerSessionsTable {
  /** sha256 (hex) of the session id the cookie carries. */
  id_hash: string;
  created_at: string;
  expires_at: string;
  /** HMAC-SHA256 (hex) of id_hash keyed by the organizer token that opened it; '' before 2026-12-07. */
  token_mac: string;
  /** The account that signed in; null when the bootstrap organizer token opened it. */
  account_id: string | null;
}

/** Responses one source sent in one hour window: the intake limits' state, shared by every process. */
export interface IntakeCountsTable {
  /** The window's first instant, ISO 8601 (UTC, whole hour). */
  window_start: string;
  /** A keyed hash of the client address (salt of the window), or "device:" and a kiosk device id. */
  source: string;
  stored: number;
  counted: number;
}

/** A random key per window for the address hash; deleted with its window's counts. */
export interface IntakeSaltsTable {
  window_start: string;
  salt: string;
}

/** One published version of a survey (see its migration); never updated. */
export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  /** The definition as JSON text, publishedAt included. */
  definition: string;
  published_at: string;
  /** The account that published it; null until accounts exist (and for the shipped seeds). */
  published_by: string | null;
  /** JSON list of the DefinitionChanges from the version before ([] for the first). */
  changes: string;
}

/** A person's account (see its migration): the password only as an argon2id PHC string. */
export interface AccountsTable {
  id: string;
  login: string;
  display_name: string;
  role: string;
  /** "all", or a JSON list of survey ids. */
  surveys: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** The sign-in throttle's state per key (an account, or a keyed hash of an address). */
export interface SignInFailuresTable {
  key: string;
  count: number;
  /** Milliseconds on the throttle's clock. */
  last_at: number;
  blocked_until: number;
}

/** The append-only audit log; never updated or deleted. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  /** JSON object of the action's details. */
  detail: string;
}

/** One mailing of invitation letters: a wave's codes, optionally of one stratum. */
export interface InvitationBatchesTable {
  id: string;
  survey_id: string;
  wave: number;
  stratum: string | null;
  count: number;
  created_at: string;
}

/** One letter's code (see its migration): never a time, a response id or anything a response holds. */
export interface InvitationCodesTable {
  /** The code's normal form (src/domain/invitation-code.ts). */
  code: string;
  batch_id: string;
  survey_id: string;
  wave: number;
  stratum: string | null;
  /** null until used; then the channel of the response that used it. */
  used: "online" | "paper" | null;
}

export interface Database {
  responses: ResponsesTable;
  answer_choices: AnswerChoicesTable;
  events: EventsTable;
  kiosk_devices: KioskDevicesTable;
  population_totals: PopulationTotalsTable;
  organizer_sessions: OrganizerSessionsTable;
  intake_counts: IntakeCountsTable;
  intake_salts: IntakeSaltsTable;
  survey_versions: SurveyVersionsTable;
  accounts: AccountsTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  invitation_batches: InvitationBatchesTable;
  invitation_codes: InvitationCodesTable;
}
