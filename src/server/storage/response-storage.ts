import type { KeyingReason } from "../../domain/paper-keying";
import type { Response } from "../../domain/response";
import type { HoldReason, ReviewState } from "../../domain/review";
import type { IntakeQuota } from "./intake-storage";
import type { InvitationRefusal } from "./invitation-batch-storage";

/** A checked response ready to store, with what is derived from it and its definition. */
export interface NewResponse {
  response: Response;
  /** Fiscal year of submittedAt. */
  wave: number;
  contentHash: string;
  /** Every chosen option of the single- and multiple-choice answers. */
  choices: readonly { questionId: string; optionId: string }[];
  /** Stored held, not counted, for this reason (decided from the response alone: its clock). */
  hold?: HoldReason | KeyingReason;
  /** A paper keying's keyer (an account's login): stored beside it, never in the response row. */
  keyedBy?: string;
  /**
   * The invitation code the response came with (`response` no longer holds it): marked used in the
   * transaction that stores the response, and kept nowhere else.
   */
  invitation?: string;
}

export interface InsertOutcome {
  /** Ids this call stored. */
  inserted: ReadonlySet<string>;
  /** Content hash of every id of the call as stored after it committed (new or already there). */
  storedHashes: ReadonlyMap<string, string>;
  /** Ids this call stored held (a bad clock, or over its source's quota). */
  held: ReadonlySet<string>;
  /** Ids not stored because of their invitation code, and why. */
  refused: ReadonlyMap<string, InvitationRefusal>;
}

export interface StoredResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  wave: number;
  submittedAt: string;
  receivedAt: string;
  locale: string;
  mode: "self" | "kiosk" | "paper";
  eventId: string | null;
  deviceId: string | null;
  answers: Response["answers"];
  reviewState: ReviewState;
  reviewReason: string | null;
}

/** The responses themselves: storing them, which ids are there, and reading them back a page at a time. */
export interface ResponseStorage {
  /**
   * Stores new ids in one transaction (ON CONFLICT (id) DO NOTHING) and resolves only after the
   * commit. Of several rows with one id, the first is the one tried.
   */
  insertResponses(
    rows: readonly NewResponse[],
    receivedAt: string,
    intake?: IntakeQuota,
  ): Promise<InsertOutcome>;
  /** Which of `ids` are stored, in the order asked, each once. */
  storedIds(ids: readonly string[]): Promise<string[]>;
  /**
   * One page of a survey's responses in id order, after `afterId` (keyset paging): the counted
   * ones, or with `allStates` every one whatever its review state.
   */
  responsesPage(query: {
    surveyId: string;
    wave: number | null;
    afterId: string | null;
    limit: number;
    allStates?: boolean;
  }): Promise<StoredResponse[]>;
}
