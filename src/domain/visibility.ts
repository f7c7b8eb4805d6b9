import type { Question, Questions } from "./definition";
import type { Answer, Answers } from "./response";

// The answer must have its question's shape: a list given to a single-choice question (or a string to
// a multiple-choice one) is a wrong_type error, and used to open follow-ups, adding "required" noise.
function matches(
  source: Question | undefined,
  answer: Answer | undefined,
  anyOf: readonly string[],
): boolean {
  if (source?.kind === "single" && typeof answer === "string") return anyOf.includes(answer);
  if (source?.kind === "multiple" && Array.isArray(answer)) return answer.some((a) => anyOf.includes(a));
  return false;
}

/**
 * Whether the respondent sees `question` given the answers so far. A question whose condition
 * points at a hidden question is hidden too, so a stale answer left behind by "back" never counts.
 */
export function visibleQuestions(def: Questions, answers: Answers): Question[] {
  const shown = new Map<string, Question>();
  const result: Question[] = [];
  for (const q of def.questions) {
    const cond = q.showIf;
    if (cond && !matches(shown.get(cond.questionId), answers[cond.questionId], cond.anyOf)) continue;
    if (!shown.has(q.id)) shown.set(q.id, q);
    result.push(q);
  }
  return result;
}

/** The answers restricted to the questions that are visible: what is submitted. */
export function visibleAnswers(def: Questions, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of visibleQuestions(def, answers)) {
    const a = answers[q.id];
    if (a !== undefined && !isBlank(a)) out[q.id] = a;
  }
  return out;
}

export function isBlank(answer: Answer | undefined): boolean {
  return (
    answer === undefined ||
    (typeof answer === "string" && answer.trim() === "") ||
    (Array.isArray(answer) && answer.length === 0)
  );
}
