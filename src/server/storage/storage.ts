import type { ResponseCounts } from "../../contract/counts";
import type { KioskDevice, KioskEvent } from "../../contract/events";
import type { ReviewSummary } from "../../contract/reviews";
import type { Response } from "../../domain/response";
import type { HoldReason, ReviewState } from "../../domain/review";

export type StorageKind = "sqlite" | "postgres";

/** A checked response ready to store, with what is derived from it and its definition. */
export interface NewResponse {
  response: Response;
  /** Fiscal year of submittedAt. */
  wave: number;
  contentHash: string;
  /** Every chosen option of the single- and multiple-choice answers. */
  choices: readonly { questionId: string; optionId: string }[];
  /** Stored held, not counted, for this reason (decided from the response alone: its clock). */
  hold?: HoldReason;
}

/** How many responses one source may have counted in the current window (the rest are held). */
export interface IntakeQuota {
  /** The hour window's first instant, ISO 8601. */
  windowStart: string;
  /** The source's key: a salted hash of an address, or a device. */
  source: string;
  countedLimit: number;
}

/** Responses an analyst moves to another review state: by id, or by their state (and reason, wave). */
export interface ReviewChange {
  surveyId: string;
  ids?: readonly string[];
  filter?: { state: ReviewState; reason?: string; wave?: number };
  to: ReviewState;
  reason: string;
  /** The choice questions of each version: their answers are what answer_choices indexes. */
  choiceQuestions: ReadonlyMap<number, ReadonlySet<string>>;
}

/** What one source sent in one window. */
export interface IntakeCount {
  stored: number;
  counted: number;
}

export interface InsertOutcome {
  /** Ids this call stored. */
  inserted: ReadonlySet<string>;
  /** Content hash of every id of the call as stored after it committed (new or already there). */
  storedHashes: ReadonlyMap<string, string>;
  /** Ids this call stored held (a bad clock, or over its source's quota). */
  held: ReadonlySet<string>;
}

export interface StoredResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  wave: number;
  submittedAt: string;
  receivedAt: string;
  locale: string;
  mode: "self" | "kiosk";
  eventId: string | null;
  deviceId: string | null;
  answers: Response["answers"];
}

export interface CountQuery {
  surveyId: string;
  /** A fiscal year, or null for every wave. */
  wave: number | null;
  questionIds: readonly string[];
}

/** question id → option id → responses that chose it. */
export type CountsByQuestion = Map<string, Record<string, number>>;

/** What a breakdown groups responses by: a single-choice question's option, the mode, or the event. */
export type GroupDimension = { kind: "question"; questionId: string } | { kind: "mode" } | { kind: "event" };

export interface GroupedCountQuery extends CountQuery {
  /** One dimension for a breakdown; two (age × sex) for post-stratification cells. */
  by: readonly GroupDimension[];
}

/** The totals and a breakdown by one dimension (a single-choice question, mode or event). */
export interface BreakdownQuery extends CountQuery {
  by: GroupDimension;
}

export interface BreakdownCounts {
  /** As countOptions: every response in scope, in a group or not. */
  totals: CountsByQuestion;
  /** As countOptionsByGroups with this one dimension: only the responses in a group. */
  rows: GroupedCountRow[];
}

export interface WaveCountRow {
  questionId: string;
  wave: number;
  optionId: string;
  count: number;
}

/** Responses that chose optionId for questionId, in wave, whose group values are `groups` (one per dimension). */
export interface GroupedCountRow extends WaveCountRow {
  groups: string[];
}

export interface ChoiceCountQuery {
  surveyId: string;
  wave: number | null;
  questionId: string;
}

export interface ChoiceCounts {
  /** option id → responses that ticked it. */
  chosen: Record<string, number>;
  /** Responses with at least one tick: those who saw and answered the question. */
  respondents: number;
}

/** A survey's population totals for post-stratification: cell key ("age_30_39|female") → people. */
export interface PopulationTotals {
  /** The single-choice question ids the cells are made of, in the key's order. */
  dimensions: string[];
  cells: Map<string, number>;
  uploadedAt: string;
}

export interface ResponseCountQuery {
  surveyId: string;
  /** A fiscal year, or null for every wave. */
  wave: number | null;
}

/** The counts of /counts before suppression, with each wave's kiosk responses per event and device. */
export interface StoredResponseCounts {
  byDay: ResponseCounts["byDay"];
  byEvent: { eventId: string | null; name?: string; n: number }[];
  byDevice: { deviceId: string | null; label?: string; n: number }[];
  byVersion: ResponseCounts["byVersion"];
  byWaveEventDevice: { wave: number; eventId: string; deviceId: string | null; n: number }[];
}

/** A dashboard sign-in: the hash of its id, when it ends, and which organizer token opened it. */
export interface OrganizerSession {
  idHash: string;
  createdAt: string;
  expiresAt: string;
  /** The opening token's HMAC of idHash (auth/organizer-session.ts): another token's never matches. */
  tokenMac: string;
}

/** The only way the collector reaches its database. All SQL lives behind it. */
export interface Storage {
  readonly kind: StorageKind;
  migrate(): Promise<string[]>;
  /**
   * Stores new ids in one transaction (ON CONFLICT (id) DO NOTHING) and resolves only after the
   * commit. Of several rows with one id, the first is the one tried.
   */
  insertResponses(
    rows: readonly NewResponse[],
    receivedAt: string,
    intake?: IntakeQuota,
  ): Promise<InsertOutcome>;
  /** The salt of an intake window, made by the first process that asks (`candidate`). */
  intakeSalt(windowStart: string, candidate: string): Promise<string>;
  intakeOf(windowStart: string, source: string): Promise<IntakeCount>;
  /** Forgets intake counts and salts of windows before `before`. */
  pruneIntake(before: string): Promise<void>;
  /** What is not counted, by state, reason and wave. */
  reviewSummary(surveyId: string): Promise<ReviewSummary["groups"]>;
  /** Moves responses to another review state; answers how many changed. */
  changeReview(change: ReviewChange): Promise<number>;
  /** The review state of each id (undefined: not stored), in the order asked. */
  reviewStatesOf(ids: readonly string[]): Promise<(ReviewState | undefined)[]>;
  /** Which of `ids` are stored, in the order asked, each once. */
  storedIds(ids: readonly string[]): Promise<string[]>;
  countOptions(query: CountQuery): Promise<CountsByQuestion>;
  countOptionsByWave(query: CountQuery): Promise<WaveCountRow[]>;
  countOptionsByGroups(query: GroupedCountQuery): Promise<GroupedCountRow[]>;
  /** countOptions and countOptionsByGroups of one dimension, in one query. */
  countOptionsWithBreakdown(query: BreakdownQuery): Promise<BreakdownCounts>;
  countChoices(query: ChoiceCountQuery): Promise<ChoiceCounts>;
  /** Stored responses per Tokyo day of submittedAt, event, device and survey version. */
  countResponses(query: ResponseCountQuery): Promise<StoredResponseCounts>;
  /** One page of a survey's responses in id order, after `afterId` (keyset paging). */
  responsesPage(query: {
    surveyId: string;
    wave: number | null;
    afterId: string | null;
    limit: number;
  }): Promise<StoredResponse[]>;
  insertEvent(event: KioskEvent): Promise<void>;
  /** One survey's events (or every event for null), latest day first. */
  listEvents(surveyId: string | null): Promise<KioskEvent[]>;
  getEvent(id: string): Promise<KioskEvent | undefined>;
  /** Stores a device with the sha256 of its token; the token itself is never stored. */
  insertDevice(device: KioskDevice, tokenHash: string): Promise<void>;
  listDevices(eventId: string): Promise<KioskDevice[]>;
  deviceByTokenHash(tokenHash: string): Promise<KioskDevice | undefined>;
  revokeDevice(id: string, at: string): Promise<KioskDevice | undefined>;
  /** Replaces the survey's population totals in one transaction. */
  replacePopulation(surveyId: string, totals: PopulationTotals): Promise<void>;
  populationOf(surveyId: string): Promise<PopulationTotals | undefined>;
  insertSession(session: OrganizerSession): Promise<void>;
  sessionByHash(idHash: string): Promise<OrganizerSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
  close(): Promise<void>;
}
