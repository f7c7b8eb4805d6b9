import type { SurveyDefinition } from "../../domain/definition";
import type { Answers } from "../../domain/response";
import { visibleQuestions } from "../../domain/visibility";
import type { Draft } from "../../outbox";
import { firstScreen, type Screen } from "./flow";

/** The part of a screen a draft keeps; intro and thank-you are not "in progress". */
export function draftScreenOf(screen: Screen): Draft["screen"] | undefined {
  if (screen.kind === "question") return { kind: "question", questionId: screen.questionId };
  if (screen.kind === "review") return { kind: "review" };
  return undefined;
}

/**
 * Where a draft resumes: its question if that is still visible with its answers, else the first
 * visible one. undefined when the draft was written for another version of the survey, whose
 * questions may differ: resuming it could put answers under the wrong question; and when it holds
 * no answer at all.
 */
export function resumeOf(
  def: SurveyDefinition,
  draft: Draft | undefined,
): { answers: Answers; screen: Screen } | undefined {
  if (!draft || draft.surveyId !== def.id || draft.surveyVersion !== def.version) return undefined;
  const answers = draft.answers;
  // Nothing answered yet (started, or started over, then left): there is nothing to continue.
  if (Object.keys(answers).length === 0) return undefined;
  if (draft.screen.kind === "review") return { answers, screen: { kind: "review" } };
  const { questionId } = draft.screen;
  const visible = visibleQuestions(def, answers).some((q) => q.id === questionId);
  return { answers, screen: visible ? { kind: "question", questionId } : firstScreen(def, answers) };
}
