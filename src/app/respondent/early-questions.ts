import type { SurveyDefinition } from "../../domain/definition";
import type { Answers } from "../../domain/response";
import type { AnswerErrorCode } from "../../domain/validate";
import type { Draft } from "../../outbox";
import {
  draftMarkKey,
  EARLY_AT_ATTRIBUTE,
  EARLY_READY_ATTRIBUTE,
  EARLY_TEXTS_ATTRIBUTE,
  earlyDraftKey,
  FIRST_QUESTION_FRAGMENT,
  FIRST_SCREEN_ATTRIBUTE,
  NEXT_PRESSED_ATTRIBUTE,
  QUESTION_ATTRIBUTE,
} from "./first-screen-markup";
import { errorsOf, nextScreen, previousScreen, progressOf, questionById, unreadableError } from "./flow";
import { answerOf, type InputValues, valuesOf } from "./question-values";
import { toggleOption } from "./toggle-option";

/*
 * The HTML's questions, answered before the app runs. A survey's page holds every question (the
 * build draws them with the app's own components: build/first-screen.tsx), and the page's one
 * script (first-screen-boot.ts) runs them with this: Next checks the answer by the same rules as the
 * app and the collector (flow.ts, domain/validate.ts) and shows its error or the next question, Back
 * the one before. The app, 25 KB of script, took over only well after the first question was shown
 * (bench/RESULTS.md, ready): until then a press of Next was only kept for it. The state is the page
 * itself, the inputs and which question is shown, so that the app takes over from it as it is
 * (first-screen.ts); at the review, which only the app draws, Next is kept for it as before.
 */

/** The survey as the flow reads it: the page carries it without its texts (EARLY_FLOW_ID). */
export type EarlyFlow = Pick<SurveyDefinition, "id" | "version" | "questions">;

/** What a question's element says without the app's messages (EARLY_TEXTS_ATTRIBUTE). */
export interface EarlyTexts {
  /** Each error its answer can have, by code; `invalid` for any other. */
  errors: Partial<Record<AnswerErrorCode | "invalid", string>>;
  /** A text field's counter, "{used}" standing for the count of characters. */
  counter?: string;
}

/** The question elements of the page, by question id. */
export function questionElements(root: ParentNode): Map<string, HTMLElement> {
  const out = new Map<string, HTMLElement>();
  for (const element of root.querySelectorAll<HTMLElement>(`[${QUESTION_ATTRIBUTE}]`)) {
    const id = element.getAttribute(QUESTION_ATTRIBUTE);
    if (id) out.set(id, element);
  }
  return out;
}

/** The answers that inputs' values make, by question; values of no question of `def` are dropped. */
export function answersFrom(def: Pick<SurveyDefinition, "questions">, values: Map<string, InputValues>) {
  const answers: Answers = {};
  for (const question of def.questions) {
    const held = values.get(question.id);
    const answer = held && answerOf(question, held.values);
    if (answer !== undefined) answers[question.id] = answer;
  }
  return answers;
}

function textsOf(element: HTMLElement): EarlyTexts {
  try {
    return JSON.parse(element.getAttribute(EARLY_TEXTS_ATTRIBUTE) ?? "") as EarlyTexts;
  } catch {
    return { errors: {} };
  }
}

/** The element the error describes: a choice question's group, else its one field. */
function controlOf(element: HTMLElement, questionId: string): HTMLElement | null {
  return element.querySelector("fieldset") ?? element.querySelector(`[id="${questionId}-input"]`);
}

function describedBy(control: HTMLElement, id: string, on: boolean): void {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((t) => t && t !== id);
  if (on) ids.push(id);
  control.setAttribute("aria-describedby", ids.join(" "));
}

/** The error under the question, in its live region and on its control, as QuestionScreen draws it. */
function setError(element: HTMLElement, questionId: string, message: string | undefined): void {
  const errorId = `${questionId}-error`;
  const line = element.querySelector<HTMLElement>(`[id="${errorId}"]`);
  if (line) {
    line.textContent = message ?? "";
    line.hidden = message === undefined;
  }
  const live = element.querySelector("[aria-live]");
  if (live) live.textContent = message ?? "";
  const control = controlOf(element, questionId);
  if (!control) return;
  if (message === undefined) control.removeAttribute("aria-invalid");
  else control.setAttribute("aria-invalid", "true");
  describedBy(control, errorId, message !== undefined);
}

/** "3 / 12" and its bar, as Progress draws them (the total moves as skip logic opens questions). */
function setProgress(element: HTMLElement, { current, total }: { current: number; total: number }) {
  const text = element.querySelector(".progress__text");
  const label = text?.querySelector(".visually-hidden");
  if (text && label) text.replaceChildren(label, `${current} / ${total}`);
  const whole = Math.max(total, 1);
  element.querySelector(".progress__bar")?.setAttribute("viewBox", `0 0 ${whole} 1`);
  element.querySelector(".progress__fill")?.setAttribute("width", String(Math.min(current, whole)));
}

/** The question element an event happened in, with its question's id. */
function questionOf(target: EventTarget | null): { element: HTMLElement; id: string } | undefined {
  const element = target instanceof Element ? target.closest<HTMLElement>(`[${QUESTION_ATTRIBUTE}]`) : null;
  const id = element?.getAttribute(QUESTION_ATTRIBUTE);
  return element && id ? { element, id } : undefined;
}

/**
 * Keeps the answers so far, and the question shown, as the app keeps its drafts: a reload or a
 * closed tab before the app ran resumes here (device/drafts.ts reads it). Nothing answered, nothing
 * kept, as the app does. Never throws: without storage the answers wait for the app in the page.
 * The address loses the first question's fragment (the question stays shown: :target does not
 * follow replaceState): reloaded with it, the page would open on an empty first question, and the
 * app would take that for a Start over and drop the draft (use-survey-flow.ts); without it, the
 * intro offers to continue.
 */
function keepDraft(root: HTMLElement, flow: EarlyFlow, answers: Answers, questionId: string): void {
  if (Object.keys(answers).length === 0) return;
  if (location.hash === `#${FIRST_QUESTION_FRAGMENT}`) {
    root.setAttribute(EARLY_AT_ATTRIBUTE, questionId);
    history.replaceState(history.state, "", location.pathname + location.search);
  }
  const draft: Draft = {
    surveyId: flow.id,
    surveyVersion: flow.version,
    answers,
    screen: { kind: "question", questionId },
    updatedAt: Date.now(),
  };
  try {
    localStorage.setItem(earlyDraftKey(flow.id), JSON.stringify(draft));
    localStorage.setItem(draftMarkKey(flow.id), "1");
  } catch {}
}

/**
 * Runs the page's questions until the app takes over (it removes FIRST_SCREEN_ATTRIBUTE from
 * `root`, from when on every press is the app's), and marks `root` as answering them. Without the
 * survey's rules (`flow`), a Next is only kept for the app.
 */
export function startEarlyQuestions(root: HTMLElement, flow: EarlyFlow | undefined): void {
  const ours = () => root.hasAttribute(FIRST_SCREEN_ATTRIBUTE);
  // Next is a submit of a "dialog" form outside any dialog: left alone, the press does nothing,
  // and a respondent on slow mobile data would press again and again.
  const keepForApp = (form: HTMLFormElement) => {
    root.setAttribute(NEXT_PRESSED_ATTRIBUTE, "");
    form.setAttribute("aria-busy", "true");
  };
  if (!flow) {
    root.addEventListener("submit", (event) => {
      if (!ours() || !(event.target instanceof HTMLFormElement) || !questionOf(event.target)) return;
      event.preventDefault();
      keepForApp(event.target);
    });
    return;
  }
  const elements = questionElements(root);
  const values = () => new Map([...elements].map(([id, element]) => [id, valuesOf(element)]));
  // A kept Next given up by a move elsewhere (Back while the app is on its way).
  const unkeep = () => {
    root.removeAttribute(NEXT_PRESSED_ATTRIBUTE);
    for (const form of root.querySelectorAll("form[aria-busy]")) form.removeAttribute("aria-busy");
  };

  const show = (id: string, answers: Answers) => {
    const element = elements.get(id);
    if (!element) return;
    // The first question is shown by the intro's Start link (:target, styles.css); the others by
    // this script alone.
    for (const [other, each] of elements) each.hidden = other !== id;
    unkeep();
    root.setAttribute(EARLY_AT_ATTRIBUTE, id);
    setProgress(element, progressOf(flow, answers, id));
    keepDraft(root, flow, answers, id);
    // As the app's screens do (use-survey-flow.ts, useFocusOnShow): at the top, the title focused.
    window.scrollTo(0, 0);
    element.querySelector<HTMLElement>("h1")?.focus({ preventScroll: true });
  };

  root.addEventListener("submit", (event) => {
    const at = questionOf(event.target);
    if (!ours() || !at || !(event.target instanceof HTMLFormElement)) return;
    event.preventDefault();
    const held = values();
    const answers = answersFrom(flow, held);
    const error = held.get(at.id)?.unreadable ? unreadableError(at.id) : errorsOf(flow, answers, at.id)[0];
    // Said in the question's live region; the focus stays on Next, as in the app.
    if (error) {
      const { errors } = textsOf(at.element);
      return setError(at.element, at.id, errors[error.code] ?? errors.invalid ?? "");
    }
    setError(at.element, at.id, undefined);
    const next = nextScreen(flow, answers, at.id);
    if (next.kind === "question" && elements.has(next.questionId)) return show(next.questionId, answers);
    // The review, and any question past the HTML's, are the app's: the press is kept for it.
    keepDraft(root, flow, answers, at.id);
    keepForApp(event.target);
  });

  root.addEventListener("click", (event) => {
    const at = questionOf(event.target);
    const back = (event.target as Element).closest?.(".nav-buttons .button--secondary");
    if (!ours() || !at || !back) return;
    const answers = answersFrom(flow, values());
    const previous = previousScreen(flow, answers, at.id);
    if (previous.kind === "question") return show(previous.questionId, answers);
    // Back to the intro: an empty fragment ends the first question's :target (styles.css).
    keepDraft(root, flow, answers, at.id);
    unkeep();
    root.removeAttribute(EARLY_AT_ATTRIBUTE);
    location.replace("#");
  });

  // A changed answer clears the question's error, as the app's does; an exclusive option
  // (「特にない」) clears the other choices and the others clear it (toggle-option.ts); a text
  // field's counter counts.
  root.addEventListener("input", (event) => {
    const at = questionOf(event.target);
    if (!ours() || !at) return;
    setError(at.element, at.id, undefined);
    const question = questionById(flow, at.id);
    const input = event.target as HTMLInputElement;
    if (question?.kind === "multiple" && input.type === "checkbox") {
      const boxes = [...at.element.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
      const others = boxes.filter((box) => box !== input && box.checked).map((box) => box.value);
      const chosen = toggleOption(others, input.value, input.checked, question.exclusive);
      for (const box of boxes) box.checked = chosen.includes(box.value);
    }
    keepDraft(root, flow, answersFrom(flow, values()), at.id);
    const counter = textsOf(at.element).counter;
    const line = at.element.querySelector(`[id="${at.id}-counter"]`);
    if (question?.kind === "text" && counter && line)
      line.textContent = counter.replace("{used}", String([...input.value].length));
  });

  root.setAttribute(EARLY_READY_ATTRIBUTE, "");
}
