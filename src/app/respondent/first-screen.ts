import type { SurveyDefinition } from "../../domain/definition";
import type { Answers } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { visibleQuestions } from "../../domain/visibility";
import { answersFrom, questionElements } from "./early-questions";
import {
  DRAFT_ATTRIBUTE,
  EARLY_AT_ATTRIBUTE,
  EARLY_READY_ATTRIBUTE,
  FIRST_QUESTION_FRAGMENT,
  FIRST_QUESTION_LAID_OUT_ATTRIBUTE,
  FIRST_SCREEN_ATTRIBUTE,
  NEXT_PRESSED_ATTRIBUTE,
  PERIOD_ATTRIBUTE,
} from "./first-screen-markup";
import { errorsOf, firstScreen, nextScreen, questionScreen, type Screen, unreadableError } from "./flow";
import type { InputValues } from "./question-values";
import { valuesOf } from "./question-values";

/*
 * A survey's page arrives with its first screen already in the HTML (build/first-screen.tsx): the
 * intro, the first question behind the intro's Start link, and the other questions, which the page's
 * one script takes a respondent through (early-questions.ts). A slow phone shows them, and they
 * work, while it still compiles the app; the app then takes over with whatever the respondent did
 * meanwhile.
 */

interface Handed {
  surveyId: string;
  started: boolean;
  /** The question the page's script showed, once a respondent moved or answered there (EARLY_AT_ATTRIBUTE). */
  at?: string;
  /** What each question's inputs held, by question id. */
  values: Map<string, InputValues>;
  /** Next was pressed where the page's script could not go on: at the review, which is the app's. */
  next: boolean;
  /** The question shown had its error shown (the page's script refused a Next). */
  erred: boolean;
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
  const elements = questionElements(root);
  const values = new Map([...elements].map(([id, element]) => [id, valuesOf(element)]));
  const at = root.getAttribute(EARLY_AT_ATTRIBUTE) ?? undefined;
  const shown = at ? elements.get(at) : elements.values().next().value;
  const started = location.hash === `#${FIRST_QUESTION_FRAGMENT}` || at !== undefined;
  const html = document.documentElement;
  handed = {
    surveyId,
    started,
    ...(at !== undefined && { at }),
    values,
    next: root.hasAttribute(NEXT_PRESSED_ATTRIBUTE),
    erred: shown?.querySelector(".field-error:not([hidden])") != null,
    draft: html.hasAttribute(DRAFT_ATTRIBUTE),
    continued: html.getAttribute(DRAFT_ATTRIBUTE) === "continue",
  };
  // The fragment was only the HTML's way to show the question (and an empty one, its way back to the
  // intro: early-questions.ts); the app keeps screens in state.
  if (location.hash === `#${FIRST_QUESTION_FRAGMENT}` || location.href.endsWith("#"))
    history.replaceState(history.state, "", location.pathname + location.search);
  for (const name of [
    FIRST_SCREEN_ATTRIBUTE,
    NEXT_PRESSED_ATTRIBUTE,
    EARLY_READY_ATTRIBUTE,
    EARLY_AT_ATTRIBUTE,
    FIRST_QUESTION_LAID_OUT_ATTRIBUTE,
  ])
    root.removeAttribute(name);
  html.removeAttribute(DRAFT_ATTRIBUTE);
  // The app decides the period itself, and keeps deciding it as the days turn (survey-form.tsx).
  html.removeAttribute(PERIOD_ATTRIBUTE);
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
 * The form's screen, answers and error, from what the HTML's questions held: the question the page's
 * script showed (or the first, once Start was pressed), with its error if it showed one. A Next
 * pressed there that the script kept for the app is done now as the app would have done it: on to
 * the next screen, or, where the answer does not pass, the question with its error.
 */
export function startFrom(
  def: SurveyDefinition,
  {
    started,
    at,
    values,
    next = false,
    erred = false,
  }: { started: boolean; at?: string; values: Map<string, InputValues>; next?: boolean; erred?: boolean },
): { screen: Screen; answers: Answers; error?: AnswerError } {
  const answers = answersFrom(def, values);
  if (!started) return { answers, screen: { kind: "intro" } };
  const shown = at !== undefined && visibleQuestions(def, answers).some((q) => q.id === at);
  const screen = shown ? questionScreen(at) : firstScreen(def, answers);
  if ((!next && !erred) || screen.kind !== "question") return { answers, screen };
  const { questionId } = screen;
  const held = values.get(questionId);
  const kind = def.questions.find((q) => q.id === questionId)?.kind;
  // Text in a number field that is no number: the app's own "not a number", not a skipped answer.
  const unreadable =
    held?.unreadable === true ||
    (kind === "number" && answers[questionId] === undefined && Boolean(held?.values[0]?.trim()));
  const error = unreadable ? unreadableError(questionId) : errorsOf(def, answers, questionId)[0];
  if (error) return { answers, screen, error };
  return next ? { answers, screen: nextScreen(def, answers, questionId) } : { answers, screen };
}
