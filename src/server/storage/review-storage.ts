import type { ReviewSummary } from "../../contract/reviews";
import type { ReviewState } from "../../domain/review";

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

/** What is stored but not counted (held, excluded), and moving responses between those states. */
export interface ReviewStorage {
  /** What is not counted, by state, reason and wave. */
  reviewSummary(surveyId: string): Promise<ReviewSummary["groups"]>;
  /** Moves responses to another review state; answers how many changed. */
  changeReview(change: ReviewChange): Promise<number>;
  /** The review state of each id (undefined: not stored), in the order asked. */
  reviewStatesOf(ids: readonly string[]): Promise<(ReviewState | undefined)[]>;
}
