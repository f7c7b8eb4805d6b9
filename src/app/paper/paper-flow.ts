import type { Question, SurveyDefinition } from "../../domain/definition";
import type { Answer, Answers } from "../../domain/response";
import { type AnswerError, validateAnswers } from "../../domain/validate";
import { isBlank, visibleAnswers, visibleQuestions } from "../../domain/visibility";

/** Where the clerk is on one form: its number, a question, or the summary to confirm. */
export type Step = { kind: "number" } | { kind: "question"; id: string } | { kind: "summary" };

/** The question after `fromId` (or the first) that the form shows with these answers, else the summary. */
export function stepAfter(def: SurveyDefinition, answers: Answers, fromId?: string): Step {
  const from = fromId === undefined ? -1 : def.questions.findIndex((q) => q.id === fromId);
  const shown = new Set(visibleQuestions(def, answers).map((q) => q.id));
  const next = def.questions.slice(from + 1).find((q) => shown.has(q.id));
  return next ? { kind: "question", id: next.id } : { kind: "summary" };
}

/** The question before `fromId` (or the last, from the summary) the form shows; else the form number. */
export function stepBefore(def: SurveyDefinition, answers: Answers, fromId?: string): Step {
  const end = fromId === undefined ? def.questions.length : def.questions.findIndex((q) => q.id === fromId);
  const shown = new Set(visibleQuestions(def, answers).map((q) => q.id));
  const previous = def.questions
    .slice(0, end)
    .reverse()
    .find((q) => shown.has(q.id));
  return previous ? { kind: "question", id: previous.id } : { kind: "number" };
}

/** The answers with `answer` set for `id`, or `id` left out when it is blank (paper's no answer). */
export function withAnswer(answers: Answers, id: string, answer: Answer | undefined): Answers {
  const next: Answers = { ...answers };
  if (answer === undefined || isBlank(answer)) delete next[id];
  else next[id] = answer;
  return next;
}

/** What digit `key` ("1"–"9") does to a choice question's answer: the option in printed order. */
export function answerForDigit(
  question: Question,
  current: Answer | undefined,
  key: string,
): Answer | undefined {
  if (question.kind !== "single" && question.kind !== "multiple") return current;
  const option = question.options[Number(key) - 1];
  if (!/^[1-9]$/.test(key) || !option) return current;
  if (question.kind === "single") return option.id;
  const chosen = Array.isArray(current) ? current : [];
  return chosen.includes(option.id) ? chosen.filter((id) => id !== option.id) : [...chosen, option.id];
}

/**
 * A typed number as the answer: blank is no answer, a number as typed (full-width digits read as
 * ASCII, as a Japanese keyboard may send them), anything else kept as text for the check to refuse.
 */
export function numberFromTyped(text: string): Answer | undefined {
  const ascii = text.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (ascii === "") return undefined;
  const value = Number(ascii);
  return /^-?\d+(\.\d+)?$/.test(ascii) && Number.isFinite(value) ? value : ascii;
}

/** This question's problems with these answers, as the collector will judge them (blanks allowed). */
export function problemsOf(def: SurveyDefinition, answers: Answers, id: string): AnswerError[] {
  return validateAnswers(def, visibleAnswers(def, answers), { blanksAllowed: true }).filter(
    (e) => e.questionId === id,
  );
}

/** A form number as staff write it: letters, digits and "-" (the contract's PaperFormNumber). */
export const isFormNumber = (text: string) => /^[A-Za-z0-9-]{1,16}$/.test(text);
