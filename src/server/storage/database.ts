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
  mode: "self" | "kiosk" | "paper";
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
  /** When staff closed it; null while open. */
  closed_at: string | null;
  /** When staff deleted it (it held no responses); the row stays so nothing can name a missing event. */
  deleted_at: string | null;
}

/** A tablet enrolled for one event; only the sha256 of its token is kept. */
export interface KioskDevicesTable {
  id: string;
  label: string;
  token_hash: string;
  event_id: string;
  created_at: string;
  revoked_at: string | null;
  /** When the collector last took a request with its token, written at most once a minute. */
  last_sync_at: string | null;
}

/** The register's population of one cell of a survey's post-stratification (see its migration). */
export interface PopulationTotalsTable {
  survey_id: string;
  /** The fiscal year the register's totals are of; 0: survey-wide, stored before totals were per wave. */
  wave: number;
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
  /** A random name to list and end it by; null only before 2026-12-08 migrated (then the hash). */
  handle: string | null;
  /** When a request last came with it (to the minute); null only before 2026-12-08. */
  last_seen_at: string | null;
}

/** An account's named token for scripts; only the sha256 (hex) of the token is kept. */
export interface ApiTokensTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  /** null: it does not expire (until revoked). */
  expires_at: string | null;
  /** To the minute; null until first used. */
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A one-time link an admin made to let someone make their account; only the token's sha256 is kept. */
export interface InvitationsTable {
  id: string;
  token_hash: string;
  role: string;
  /** "all" or a JSON list of survey ids. */
  surveys: string;
  /** The login the admin suggests; the invitee may choose another. */
  login: string | null;
  display_name: string | null;
  /** The inviter's login ("organizer-token" for the bootstrap token). */
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The account it made. */
  account_id: string | null;
  revoked_at: string | null;
}

/** An account's passkey (WebAuthn credential): its public key, never anything secret. */
export interface PasskeysTable {
  /** The credential id (base64url) the authenticator chose. */
  id: string;
  account_id: string;
  name: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter (0 for those that keep none); bigint: PostgreSQL may answer a string. */
  counter: number | string;
  /** JSON list of the transports the browser reported. */
  transports: string;
  created_at: string;
  last_used_at: string | null;
}

/** A WebAuthn challenge given out and not yet used (single-use, short-lived). */
export interface WebauthnChallengesTable {
  challenge: string;
  purpose: "register" | "sign_in";
  /** The account registering; null for a sign-in. */
  account_id: string | null;
  expires_at: string;
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

/** One keying of a paper form; the keyer is staff identity, kept out of the responses table. */
export interface PaperKeyingsTable {
  response_id: string;
  survey_id: string;
  paper_form: string;
  /** The login of the account that keyed it. */
  keyed_by: string;
}

/** A review change an analyst made, or the undo of one (undoes names it). */
export interface ReviewChangesTable {
  id: string;
  survey_id: string;
  at: string;
  actor: string | null;
  reason: string;
  undoes: string | null;
  undone_by: string | null;
}

/** One response a review change moved: its state and reason before and after. */
export interface ReviewChangeItemsTable {
  change_id: string;
  response_id: string;
  from_state: ReviewState;
  from_reason: string | null;
  to_state: ReviewState;
  to_reason: string | null;
}

/** A published results snapshot (see its migration); the snapshot is never updated. */
export interface ResultsPublicationsTable {
  survey_id: string;
  wave: number;
  publication: number;
  /** The ResultsSnapshot as JSON text. */
  snapshot: string;
  published_at: string;
  published_by: string | null;
  unpublished_at: string | null;
  unpublished_by: string | null;
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
  paper_keyings: PaperKeyingsTable;
  review_changes: ReviewChangesTable;
  review_change_items: ReviewChangeItemsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  results_publications: ResultsPublicationsTable;
  invitation_batches: InvitationBatchesTable;
  invitation_codes: InvitationCodesTable;
}
