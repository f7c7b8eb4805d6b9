import type { Question } from "../../domain/definition";
import { localize } from "../../domain/locales";
import type { Answer } from "../../domain/response";
import { isBlank } from "../../domain/visibility";

/** An answer as the review screen shows it: option labels in the respondent's language. */
export function formatAnswer(
  question: Question,
  answer: Answer | undefined,
  locale: string,
): string | undefined {
  if (answer === undefined || isBlank(answer)) return undefined;
  const label = (id: string) => {
    const option = "options" in question ? question.options.find((o) => o.id === id) : undefined;
    return option ? localize(option.label, locale) : id;
  };
  if (Array.isArray(answer))
    return new Intl.ListFormat(locale, { type: "conjunction" }).format(answer.map(label));
  if (typeof answer === "number") {
    const unit = question.kind === "number" && question.unit ? ` ${localize(question.unit, locale)}` : "";
    return `${new Intl.NumberFormat(locale).format(answer)}${unit}`;
  }
  return question.kind === "single" ? label(answer) : answer;
}
