import type { FormStatus, KeyingReason } from "../../domain/paper-keying";
import type { Answers } from "../../domain/response";
import type { ReviewState } from "../../domain/review";

/** A keying whose review state settling its form changed. */
export interface KeyingMove {
  id: string;
  from: ReviewState;
  to: ReviewState;
  reason: KeyingReason | null;
}

/** What settling one form did. */
export interface FormSettled {
  paperForm: string;
  status: FormStatus;
  moves: KeyingMove[];
}

/** One keying of a form as the dispute view shows it. */
export interface StoredKeying {
  id: string;
  keyedBy: string;
  receivedAt: string;
  surveyVersion: number;
  state: ReviewState;
  reason: string | null;
  answers: Answers;
}

/** Paper returns keyed twice: settling a form's keyings, and listing forms by where they stand. */
export interface PaperStorage {
  /**
   * Compares the keyings of each form (domain/paper-keying.ts) and moves them to the states that
   * follow, in one transaction per form; idempotent, so a resend settles again harmlessly. Only
   * keyings in a keying state (counted, or held or excluded for a keying reason) take part: one an
   * analyst excluded for another reason (a test) is left alone.
   */
  settlePaperForms(
    surveyId: string,
    paperForms: readonly string[],
    choiceQuestions: ReadonlyMap<number, ReadonlySet<string>>,
  ): Promise<FormSettled[]>;
  /** A survey's forms and their keyings, in form-number order, of one status or all. */
  paperForms(
    surveyId: string,
    status: FormStatus | "all",
  ): Promise<{ paperForm: string; status: FormStatus; keyings: StoredKeying[] }[]>;
}
