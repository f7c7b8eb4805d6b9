import type { KioskDevice, KioskEvent, Response } from "../../survey";

export type StorageKind = "sqlite" | "postgres";

/** A checked response ready to store, with what is derived from it and its definition. */
export interface NewResponse {
  response: Response;
  /** Fiscal year of submittedAt. */
  wave: number;
  contentHash: string;
  /** Every chosen option of the single- and multiple-choice answers. */
  choices: readonly { questionId: string; optionId: string }[];
}

export interface InsertOutcome {
  /** Ids this call stored. */
  inserted: ReadonlySet<string>;
  /** Content hash of every id of the call as stored after it committed (new or already there). */
  storedHashes: ReadonlyMap<string, string>;
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
/** question id → group (the `by` question's option id) → option id → responses. */
export type CountsByQuestionAndGroup = Map<string, Map<string, Record<string, number>>>;

/** The only way the collector reaches its database. All SQL lives behind it. */
export interface Storage {
  readonly kind: StorageKind;
  migrate(): Promise<string[]>;
  /**
   * Stores new ids in one transaction (ON CONFLICT (id) DO NOTHING) and resolves only after the
   * commit. Of several rows with one id, the first is the one tried.
   */
  insertResponses(rows: readonly NewResponse[], receivedAt: string): Promise<InsertOutcome>;
  /** Which of `ids` are stored, in the order asked, each once. */
  storedIds(ids: readonly string[]): Promise<string[]>;
  countOptions(query: CountQuery): Promise<CountsByQuestion>;
  countOptionsBy(query: CountQuery & { byQuestionId: string }): Promise<CountsByQuestionAndGroup>;
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
  close(): Promise<void>;
}
