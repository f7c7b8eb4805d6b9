import type { Question, Questions, SurveyDefinition } from "./definition";
import type { Problem } from "./issues";
import type { Answer, Answers, Response } from "./response";
import { isBlank, visibleQuestions } from "./visibility";

export type AnswerErrorCode =
  | "required"
  | "unknown_question"
  | "not_shown"
  | "wrong_type"
  | "unknown_option"
  | "duplicate_option"
  | "exclusive_option"
  | "too_long"
  | "control_character"
  | "not_integer"
  | "below_min"
  | "above_max";

export interface AnswerError extends Problem {
  questionId: string;
  code: AnswerErrorCode;
}

// Control characters other than tab and newlines break CSV exports and spreadsheets.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checkAnswer(q: Question, a: Answer): [AnswerErrorCode, string] | null {
  switch (q.kind) {
    case "single":
      if (typeof a !== "string") return ["wrong_type", "must be one option id"];
      if (!q.options.some((o) => o.id === a)) return ["unknown_option", `"${a}" is not an option`];
      return null;
    case "multiple": {
      if (!Array.isArray(a)) return ["wrong_type", "must be a list of option ids"];
      for (const id of a)
        if (!q.options.some((o) => o.id === id)) return ["unknown_option", `"${id}" is not an option`];
      if (new Set(a).size !== a.length) return ["duplicate_option", "lists an option twice"];
      if (a.length > 1 && a.some((id) => q.exclusive.includes(id)))
        return ["exclusive_option", "combines an option that must stand alone"];
      return null;
    }
    case "text":
      if (typeof a !== "string") return ["wrong_type", "must be a text"];
      if ([...a].length > q.maxLength) return ["too_long", `is longer than ${q.maxLength} characters`];
      if (CONTROL.test(a)) return ["control_character", "contains a control character"];
      return null;
    case "number":
      if (typeof a !== "number" || !Number.isFinite(a)) return ["wrong_type", "must be a number"];
      if (q.integer && !Number.isInteger(a)) return ["not_integer", "must be a whole number"];
      if (q.min !== undefined && a < q.min) return ["below_min", `must be at least ${q.min}`];
      if (q.max !== undefined && a > q.max) return ["above_max", `must be at most ${q.max}`];
      return null;
  }
}

/**
 * Every problem of a set of answers against a definition, each with its question id. The app runs
 * it before submit and the collector runs it again on receipt: one function, one verdict.
 */
export function validateAnswers(
  def: Questions,
  answers: Answers,
  options: { blanksAllowed?: boolean } = {},
): AnswerError[] {
  const errors: AnswerError[] = [];
  const add = (questionId: string, code: AnswerErrorCode, message: string) =>
    errors.push({ questionId, code, message, path: `answers.${questionId}` });
  const visible = visibleQuestions(def, answers);
  const visibleIds = new Set(visible.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!def.questions.some((q) => q.id === id))
      add(id, "unknown_question", "is not a question of this survey");
    else if (!visibleIds.has(id)) add(id, "not_shown", "answers a question the respondent was not shown");
  }
  for (const q of visible) {
    const a = answers[q.id];
    if (a === undefined || isBlank(a)) {
      // A paper form's blank is what the resident left: keyed as no answer, never refused.
      if (q.required && !options.blanksAllowed) add(q.id, "required", "is required");
      continue;
    }
    const problem = checkAnswer(q, a);
    if (problem) add(q.id, problem[0], problem[1]);
  }
  return errors;
}

/** The problems of a whole response: its survey and version, then its answers. */
export function validateResponse(def: SurveyDefinition, response: Response): Problem[] {
  const problems: Problem[] = [];
  if (response.surveyId !== def.id) problems.push({ path: "surveyId", message: `is not "${def.id}"` });
  if (response.surveyVersion !== def.version)
    problems.push({
      path: "surveyVersion",
      message: `${response.surveyVersion} is not version ${def.version}`,
    });
  if (response.mode === "self" && (response.eventId || response.deviceId))
    problems.push({ path: "mode", message: "a self-answered response carries no eventId or deviceId" });
  if (response.mode === "paper") {
    if (!response.paperForm)
      problems.push({ path: "paperForm", message: "a paper keying names its form's number" });
    if (response.eventId || response.deviceId)
      problems.push({ path: "mode", message: "a paper keying carries no eventId or deviceId" });
  } else if (response.paperForm !== undefined)
    problems.push({ path: "paperForm", message: "only a paper keying (mode paper) names a form number" });
  return [
    ...problems,
    ...validateAnswers(def, response.answers, { blanksAllowed: response.mode === "paper" }),
  ];
}
