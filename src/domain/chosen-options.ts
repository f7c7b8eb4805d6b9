import type { SurveyDefinition } from "./definition";
import type { Answers } from "./response";

/** The single- and multiple-choice questions of a definition: the answers that are option ids. */
export function choiceQuestionIds(def: SurveyDefinition): Set<string> {
  return new Set(def.questions.filter((q) => q.kind === "single" || q.kind === "multiple").map((q) => q.id));
}

/**
 * Every option chosen in `answers` to one of `questions`: one for a single choice, one per tick of
 * a multiple choice. The rows of the collector's tally index (answer_choices), whether a response
 * is counted on arrival or released from review later.
 */
export function chosenOptions(
  questions: ReadonlySet<string>,
  answers: Answers,
): { questionId: string; optionId: string }[] {
  return Object.entries(answers).flatMap(([questionId, answer]) => {
    if (!questions.has(questionId)) return [];
    const options = Array.isArray(answer) ? answer : typeof answer === "string" ? [answer] : [];
    return options.map((optionId) => ({ questionId, optionId }));
  });
}
