import { useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { Answers } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { type ResponseOrigin, submitResponse } from "../device/submit-response";
import type { SubmitState } from "./review-screen";

interface Outcome {
  /** The answers did not pass after all: the first problem. */
  onInvalid(first: AnswerError | undefined): void;
  onSaved(responseId: string): void;
}

/** The review's Submit: the response into the outbox, and what the button says meanwhile. */
export function useSubmit(
  def: SurveyDefinition,
  answers: Answers,
  locale: Locale,
  origin: ResponseOrigin,
  /** A preview: the answers are checked as ever, but nothing is put in the outbox. */
  preview: boolean,
  { onInvalid, onSaved }: Outcome,
): [SubmitState, () => Promise<void>] {
  const [state, setState] = useState<SubmitState>("idle");
  const submit = async () => {
    if (preview) return onSaved("preview");
    setState("saving");
    try {
      const result = await submitResponse(def, answers, locale, origin);
      setState("idle");
      // Should not happen after the per-question checks; if it does, the form shows the first problem.
      if (result.kind === "invalid") onInvalid(result.errors[0]);
      else onSaved(result.id);
    } catch (e) {
      // Not on disk: the answers stay on screen and the respondent is told plainly.
      console.error("enqueue failed", e);
      setState("not_saved");
    }
  };
  return [state, submit];
}
