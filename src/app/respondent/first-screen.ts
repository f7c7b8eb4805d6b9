import type { Question, SurveyDefinition } from "../../domain/definition";
import type { Answer, Answers } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { visibleQuestions } from "../../domain/visibility";
import {
  DRAFT_ATTRIBUTE,
  FIRST_QUESTION_CLASS,
  FIRST_QUESTION_FRAGMENT,
  FIRST_QUESTION_LAID_OUT_ATTRIBUTE,
  FIRST_SCREEN_ATTRIBUTE,
  NEXT_PRESSED_ATTRIBUTE,
  PERIOD_ATTRIBUTE,
} from "./first-screen-markup";
import { errorsOf, firstScreen, nextScreen, type Screen, unreadableError } from "./flow";

/*
 * A survey's page arrives with its first screen already in the HTML (build/first-screen.tsx): the
 * intro, and the first question behind the intro's Start link. A slow phone shows them, and Start
 * works, while it still compiles the app; the app then takes over with whatever the respondent did
 * meanwhile.
 */

interface Handed {
  surveyId: string;
  started: boolean;
  /** What the first question's inputs held, in document order (of radios and checkboxes, the checked). */
  values: string[];
  /** Next was pressed on the first question (first-screen-boot.ts). */
  next: boolean;
  /**
   * The intro showed Continue / Start over, not Start (first-screen-boot.ts, DRAFT_ATTRIBUTE): a
   * move to the first question was then Start over's.
   */
  draft: boolean;
  /** Continue was pressed on the intro (first-screen-boot.ts). */
  continued: boolean;
}

let handed: Handed | undefined;

/**
 * Reads what the respondent did on the HTML's first screen, then empties `root` for the app's first
 * render. Called in the same task as that render, so nothing is drawn in between.
 */
export function receiveFirstScreen(root: HTMLElement): void {
  const surveyId = root.getAttribute(FIRST_SCREEN_ATTRIBUTE);
  if (!surveyId) return;
  const fields = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    `.${FIRST_QUESTION_CLASS} input, .${FIRST_QUESTION_CLASS} textarea`,
  );
  // Not FormData: the text and number fields have no name.
  const values = [...fields]
    .filter((field) =>
      field.type === "radio" || field.type === "checkbox" ? (field as HTMLInputElement).checked : true,
    )
    .map((field) => field.value);
  const started = location.hash === `#${FIRST_QUESTION_FRAGMENT}`;
  const html = document.documentElement;
  handed = {
    surveyId,
    started,
    values,
    next: root.hasAttribute(NEXT_PRESSED_ATTRIBUTE),
    draft: html.hasAttribute(DRAFT_ATTRIBUTE),
    continued: html.getAttribute(DRAFT_ATTRIBUTE) === "continue",
  };
  // The fragment was only the HTML's way to show the question; the app keeps screens in state.
  if (started) history.replaceState(history.state, "", location.pathname + location.search);
  root.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
  root.removeAttribute(NEXT_PRESSED_ATTRIBUTE);
  html.removeAttribute(DRAFT_ATTRIBUTE);
  // The app decides the period itself, and keeps deciding it as the days turn (survey-form.tsx).
  html.removeAttribute(PERIOD_ATTRIBUTE);
  root.removeAttribute(FIRST_QUESTION_LAID_OUT_ATTRIBUTE);
  root.replaceChildren();
}

/**
 * Where this survey's form starts, once: on the first question if Start (or Start over) was pressed
 * before the app ran; whether the intro offered the draft, and whether Continue was pressed.
 */
export function takeFirstScreen(
  def: SurveyDefinition,
): { screen: Screen; answers: Answers; error?: AnswerError; draft: boolean; continued: boolean } | undefined {
  if (handed?.surveyId !== def.id) return undefined;
  const taken = handed;
  handed = undefined;
  return { ...startFrom(def, taken), draft: taken.draft, continued: taken.continued };
}

/**
 * The form's first screen, answers and error, from what the HTML's first screen held. A Next pressed
 * there is done now as the app would have done it: on to the next question, or, where the answer
 * does not pass, the first question with its error.
 */
export function startFrom(
  def: SurveyDefinition,
  { started, values, next = false }: { started: boolean; values: readonly string[]; next?: boolean },
): { screen: Screen; answers: Answers; error?: AnswerError } {
  const first = visibleQuestions(def, {})[0];
  const answer = first && answerOf(first, values);
  const answers: Answers = first && answer !== undefined ? { [first.id]: answer } : {};
  if (!started) return { answers, screen: { kind: "intro" } };
  const screen = firstScreen(def, answers);
  if (!next || screen.kind !== "question") return { answers, screen };
  // Text in a number field that is no number: the app's own "not a number", not a skipped answer.
  const unreadable = first?.kind === "number" && answer === undefined && Boolean(values[0]?.trim());
  const error = unreadable
    ? unreadableError(screen.questionId)
    : errorsOf(def, answers, screen.questionId)[0];
  return error
    ? { answers, screen, error }
    : { answers, screen: nextScreen(def, answers, screen.questionId) };
}

/** The inputs' values as the answer the form would hold; anything no option names is dropped. */
function answerOf(question: Question, values: readonly string[]): Answer | undefined {
  switch (question.kind) {
    case "single": {
      const value = values[0];
      return question.options.some((o) => o.id === value) ? value : undefined;
    }
    case "multiple": {
      const chosen = values.filter((v) => question.options.some((o) => o.id === v));
      return chosen.length > 0 ? chosen : undefined;
    }
    case "text":
      return values[0] ? values[0] : undefined;
    case "number": {
      const value = values[0]?.trim();
      const n = value ? Number(value) : Number.NaN;
      return Number.isFinite(n) ? n : undefined;
    }
  }
}
