import type { Question } from "../../domain/definition";
import type { Answer } from "../../domain/response";

/*
 * A question's answer as its HTML inputs hold it: read by the page's one script, which runs the
 * HTML's questions before the app does (early-questions.ts), and by the app when it takes them over
 * (first-screen.ts). Neither has the other's state, only the page.
 */

/** What one question's inputs hold, in document order (of radios and checkboxes, the checked). */
export interface InputValues {
  values: string[];
  /** A number field holds text that reads as no number ("1e"): the browser reports it empty. */
  unreadable: boolean;
}

export function valuesOf(element: ParentNode): InputValues {
  const fields = element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea");
  // Not FormData: the text and number fields have no name.
  const values = [...fields]
    .filter((field) =>
      field.type === "radio" || field.type === "checkbox" ? (field as HTMLInputElement).checked : true,
    )
    .map((field) => field.value);
  const unreadable = [...fields].some((field) => field.type === "number" && field.validity.badInput);
  return { values, unreadable };
}

/** The inputs' values as the answer the form would hold; anything no option names is dropped. */
export function answerOf(question: Question, values: readonly string[]): Answer | undefined {
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
