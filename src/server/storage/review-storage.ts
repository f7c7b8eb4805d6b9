import type { ReviewFilter, ReviewSummary } from "../../contract/reviews";
import type { ReviewState } from "../../domain/review";

/** Responses an analyst moves to another review state: by id, or by a filter of what they are. */
export interface ReviewChange {
  surveyId: string;
  ids?: readonly string[];
  filter?: ReviewFilter;
  to: ReviewState;
  reason: string;
  /** The change's id, by which it is undone, and who made it when (kept with the change). */
  changeId: string;
  at: string;
  actor: string | null;
  /** The choice questions of each version: their answers are what answer_choices indexes. */
  choiceQuestions: ReadonlyMap<number, ReadonlySet<string>>;
}

/** What a change did; with `unknownIds` (ids this survey does not hold) it did nothing at all. */
export interface ReviewOutcome {
  changed: number;
  matched: number;
  unknownIds: string[];
}

/** Undoing a change: who, when, under which new change id. */
export interface ReviewUndo {
  surveyId: string;
  changeId: string;
  undoId: string;
  at: string;
  actor: string | null;
  reason: string;
  choiceQuestions: ReadonlyMap<number, ReadonlySet<string>>;
}

/**
 * What an undo did: `not_found` (no such change of this survey), `already_undone` (by `undoneBy`),
 * or done: how many came back, and how many stayed because they were moved again since.
 */
export type UndoOutcome =
  | { kind: "not_found" }
  | { kind: "already_undone"; undoneBy: string }
  | { kind: "undone"; restored: number; keptNewer: number };

/** What is stored but not counted (held, excluded), and moving responses between those states. */
export interface ReviewStorage {
  /** What is not counted, by state, reason and wave. */
  reviewSummary(surveyId: string): Promise<ReviewSummary["groups"]>;
  /** Moves responses to another review state, recording the change so it can be undone. */
  changeReview(change: ReviewChange): Promise<ReviewOutcome>;
  /** Puts back what a change moved, where nothing moved it since; recorded as a change itself. */
  undoReview(undo: ReviewUndo): Promise<UndoOutcome>;
  /** The latest changes of a survey, newest first. */
  reviewChanges(surveyId: string, limit: number): Promise<ReviewSummary["changes"]>;
  /** The review state of each id (undefined: not stored), in the order asked. */
  reviewStatesOf(ids: readonly string[]): Promise<(ReviewState | undefined)[]>;
}
