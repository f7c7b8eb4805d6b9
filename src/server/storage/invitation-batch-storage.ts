import type { InvitationBatch } from "../../contract/invitation-batches";
import type { ItemErrorCode } from "../../contract/problem-codes";

/** Codes mailed and used in one stratum of a wave (null: batches without a stratum). */
export interface StratumUse {
  stratum: string | null;
  mailed: number;
  online: number;
  paper: number;
}

/**
 * Invitation batches and their codes. Using a code happens inside insertResponses (one
 * transaction with the response it admits); nothing here can tell which response used which code.
 */
export interface InvitationBatchStorage {
  /** Stores a batch with `batch.count` codes, each from `makeCode`, drawing again on a clash. */
  insertInvitationBatch(batch: InvitationBatch, makeCode: () => string): Promise<void>;
  invitationBatch(id: string): Promise<InvitationBatch | undefined>;
  /** A survey's batches, oldest first. */
  invitationBatches(surveyId: string): Promise<InvitationBatch[]>;
  /** A batch's codes in code order: all of them, or those not used yet. */
  invitationCodes(batchId: string, which: "all" | "unused"): Promise<string[]>;
  /** Codes mailed and used per stratum of a survey's wave, in stratum order (null first). */
  invitationUse(surveyId: string, wave: number): Promise<StratumUse[]>;
  /** Counted responses of a survey's wave by mode. */
  countedByMode(surveyId: string, wave: number): Promise<Record<string, number>>;
}

/** Why a code was refused at intake (the device was to catch a mistyped one first). */
export type InvitationRefusal = Extract<
  ItemErrorCode,
  "invitation_unknown" | "invitation_used" | "invitation_other_survey"
>;
