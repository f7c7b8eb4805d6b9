import type { Question, Questions } from "../../domain/definition";
import type { Answers } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { validateAnswers } from "../../domain/validate";
import { visibleAnswers, visibleQuestions } from "../../domain/visibility";

/** Where the respondent is. Questions are named by id, not index: skip logic changes the indices. */
export type Screen =
  | { kind: "intro" }
  | { kind: "question"; questionId: string; fromReview?: boolean }
  | { kind: "review" }
  | { kind: "thanks"; responseId: string };

export function questionScreen(questionId: string, fromReview = false): Screen {
  return fromReview ? { kind: "question", questionId, fromReview } : { kind: "question", questionId };
}

export function firstScreen(def: Questions, answers: Answers): Screen {
  const first = visibleQuestions(def, answers)[0];
  return first ? questionScreen(first.id) : { kind: "review" };
}

/** The next visible question after `questionId` given the answers so far, or the review. */
export function nextScreen(def: Questions, answers: Answers, questionId: string): Screen {
  const visible = visibleQuestions(def, answers);
  const next = visible[visible.findIndex((q) => q.id === questionId) + 1];
  return next ? questionScreen(next.id) : { kind: "review" };
}

/** "Back" from the review: the last visible question. */
export function lastScreen(def: Questions, answers: Answers): Screen {
  const last = visibleQuestions(def, answers).at(-1);
  return last ? questionScreen(last.id) : { kind: "intro" };
}

export function previousScreen(def: Questions, answers: Answers, questionId: string): Screen {
  const visible = visibleQuestions(def, answers);
  const previous = visible[visible.findIndex((q) => q.id === questionId) - 1];
  return previous ? questionScreen(previous.id) : { kind: "intro" };
}

/** "3 / 12": the position among the questions visible now (the total moves as skip logic opens or closes). */
export function progressOf(def: Questions, answers: Answers, questionId: string) {
  const visible = visibleQuestions(def, answers);
  return { current: visible.findIndex((q) => q.id === questionId) + 1, total: visible.length };
}

export function questionById(def: Questions, questionId: string): Question | undefined {
  return def.questions.find((q) => q.id === questionId);
}

/** The problems of one question's answer, by the same rules as the final check and the collector. */
export function errorsOf(def: Questions, answers: Answers, questionId: string): AnswerError[] {
  return validateAnswers(def, visibleAnswers(def, answers)).filter((e) => e.questionId === questionId);
}

/** Text in a number field that reads as no number: refused on Next, before any other check. */
export function unreadableError(questionId: string): AnswerError {
  return { questionId, code: "wrong_type", message: "is not a number", path: `answers.${questionId}` };
}
