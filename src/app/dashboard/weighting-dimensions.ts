import type { Question } from "../../domain/definition";
import { localizeShort } from "../../domain/locales";

/**
 * The weighting questions as the weighted estimate's note names them ("年齢 × 地域"): each by its
 * short label, so the note reads as a phrase and not as two whole questions; an id the definition
 * does not hold (a population stored for a question since dropped) stays as it is.
 */
export function weightingDimensions(ids: readonly string[], questions: readonly Question[], locale: string) {
  return ids
    .map((id) => {
      const q = questions.find((question) => question.id === id);
      return q ? localizeShort(q, locale) : id;
    })
    .join(" × ");
}
