import type { Question, SurveyDefinition } from "./definition";

/**
 * Seconds a respondent on a phone takes for one question of each kind: read it, then tap one
 * option (single), read every option and tap a few (multiple), type a short figure (number), or
 * think and type a few words on a phone's keyboard (text; longer where it is multiline, though many
 * leave an optional free text blank). Rough by design: the intro says "about", and rounds up.
 */
export const SECONDS_PER_QUESTION = {
  single: 12,
  multiple: 20,
  number: 15,
  text: 30,
  multilineText: 45,
} as const;

function secondsFor(question: Question): number {
  if (question.kind === "text")
    return question.multiline ? SECONDS_PER_QUESTION.multilineText : SECONDS_PER_QUESTION.text;
  return SECONDS_PER_QUESTION[question.kind];
}

/**
 * The intro's "about N minutes": every question a respondent may be shown (a question behind a
 * condition counted too, as the intro's "at most N questions" counts it), rounded up to whole
 * minutes, and never less than 1.
 */
export function estimatedMinutes(def: Pick<SurveyDefinition, "questions">): number {
  const seconds = def.questions.reduce((sum, q) => sum + secondsFor(q), 0);
  return Math.max(1, Math.ceil(seconds / 60));
}
