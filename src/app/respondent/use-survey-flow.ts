import { useEffect, useRef, useState } from "preact/hooks";
import type { Question, SurveyDefinition } from "../../domain/definition";
import type { Answer, Answers } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { answering } from "../device/answering";
import { discardDraft } from "../device/drafts";
import { takeFirstScreen } from "./first-screen";
import { errorsOf, nextScreen, previousScreen, questionScreen, type Screen, unreadableError } from "./flow";

/**
 * The form's answers, the screen it is on and the error it shows, and the moves between screens.
 * It starts where the HTML's own first screen left off, if the app is taking over from it.
 */
export function useSurveyFlow(
  def: SurveyDefinition,
  onScreen?: (kind: Screen["kind"]) => void,
  /** A preview on the dashboard: no first screen of the HTML to take over, and the page stays put. */
  preview = false,
) {
  const [handed] = useState(() => {
    const taken = preview ? undefined : takeFirstScreen(def);
    // The HTML's intro offered the draft, and the first question was reached through Start over:
    // what that press said is done now, before the new form writes a draft of its own (one chain of
    // writes: drafts.ts, so the delete lands first).
    if (taken?.draft && taken.screen.kind !== "intro") void discardDraft(def.id).catch(() => {});
    return taken;
  });
  const [answers, setAnswers] = useState<Answers>(handed?.answers ?? {});
  const [screen, setScreen] = useState<Screen>(handed?.screen ?? { kind: "intro" });
  const [error, setError] = useState<AnswerError | undefined>(handed?.error);
  // The current field holds text that is no answer (letters in a number field).
  const [unreadable, setUnreadable] = useState(false);
  // Past the intro once: a draft read from now on is not offered over these answers.
  const started = useRef((handed?.screen.kind ?? "intro") !== "intro");

  // Between "start" and "thank you" a reload would lose the answers: the update prompt waits.
  const inProgress =
    screen.kind === "question" ||
    screen.kind === "review" ||
    (screen.kind === "intro" && Object.keys(answers).length > 0);
  useEffect(() => answering.set(inProgress), [inProgress]);
  useEffect(() => () => answering.set(false), []);

  const go = (next: Screen) => {
    if (next.kind !== "intro") started.current = true;
    setError(undefined);
    setUnreadable(false);
    setScreen(next);
    onScreen?.(next.kind);
    if (!preview) window.scrollTo(0, 0);
  };

  return {
    handed,
    started,
    answers,
    screen,
    error,
    go,
    setUnreadable,
    /** Answers as a draft or a new start says: the whole set at once. */
    setAnswers,
    answer(questionId: string, answer: Answer | undefined) {
      setError(undefined);
      setAnswers((current) => {
        const { [questionId]: _, ...rest } = current;
        return answer === undefined ? rest : { ...rest, [questionId]: answer };
      });
    },
    next(question: Question, fromReview: boolean) {
      if (unreadable) return setError(unreadableError(question.id));
      const problem = errorsOf(def, answers, question.id)[0];
      if (problem) return setError(problem);
      go(fromReview ? { kind: "review" } : nextScreen(def, answers, question.id));
    },
    back(question: Question, fromReview: boolean) {
      go(fromReview ? { kind: "review" } : previousScreen(def, answers, question.id));
    },
    /** The response did not pass after all: to its first problem, from the review. */
    showProblem(first: AnswerError | undefined) {
      if (!first) return;
      setScreen(questionScreen(first.questionId, true));
      setError(first);
    },
  };
}
