import type { Question } from "../../domain/definition";
import type { AnswerError } from "../../domain/validate";
import { t } from "../../i18n";

/** The respondent's wording of a validation error; the codes are stable, the English messages are not. */
export function errorMessage(error: AnswerError, question: Question | undefined): string {
  switch (error.code) {
    case "required":
      return t("errors.required");
    case "too_long":
      return t("errors.tooLong", { max: question?.kind === "text" ? question.maxLength : 0 });
    case "not_integer":
      return t("errors.notInteger");
    case "below_min":
      return t("errors.belowMin", { min: question?.kind === "number" ? (question.min ?? 0) : 0 });
    case "above_max":
      return t("errors.aboveMax", { max: question?.kind === "number" ? (question.max ?? 0) : 0 });
    case "control_character":
      return t("errors.controlCharacter");
    case "exclusive_option":
      return t("errors.exclusiveOption");
    case "wrong_type":
      return question?.kind === "number" ? t("errors.notNumber") : t("errors.invalid");
    default:
      return t("errors.invalid");
  }
}
