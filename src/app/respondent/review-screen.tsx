import type { SurveyDefinition } from "../../domain/definition";
import { localize } from "../../domain/locales";
import type { Answers } from "../../domain/response";
import { visibleQuestions } from "../../domain/visibility";
import { t } from "../../i18n";
import { BusyButton } from "../components/busy-button";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { formatAnswer } from "./format-answer";

export type SubmitState = "idle" | "saving" | "not_saved";

interface Props {
  def: SurveyDefinition;
  answers: Answers;
  locale: string;
  submitState: SubmitState;
  onEdit(questionId: string): void;
  onBack(): void;
  /** Its promise settles once the save is over: until then another press of Submit does nothing. */
  onSubmit(): Promise<void>;
}

/** Every visible question with its answer, before anything is saved: the respondent's last look. */
export function ReviewScreen({ def, answers, locale, submitState, onEdit, onBack, onSubmit }: Props) {
  const headingRef = useFocusOnShow<HTMLHeadingElement>();
  const saving = submitState === "saving";
  return (
    <div class="review">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("review.title")}
      </h1>
      <p class="hint">{t("review.intro")}</p>
      <dl class="review__list">
        {visibleQuestions(def, answers).map((q) => {
          const text = formatAnswer(q, answers[q.id], locale);
          return (
            <div key={q.id} class="review__item">
              <dt>{localize(q.label, locale)}</dt>
              <dd>
                <span
                  class={
                    text
                      ? "review__answer"
                      : q.required
                        ? "review__answer is-missing"
                        : "review__answer is-empty"
                  }
                >
                  {text ?? (q.required ? t("review.missingRequired") : t("review.notAnswered"))}
                </span>
                <button type="button" class="link-button" onClick={() => onEdit(q.id)}>
                  {t("review.edit")}
                  <span class="visually-hidden">: {localize(q.label, locale)}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      {submitState === "not_saved" && (
        <div class="notice notice--error" role="alert">
          <p>
            <strong>{t("review.notSavedTitle")}</strong>
          </p>
          <p>{t("review.notSavedBody")}</p>
        </div>
      )}
      <div class="nav-buttons">
        <BusyButton class="button button--secondary" busy={saving} onClick={onBack}>
          {t("respondent.back")}
        </BusyButton>
        <BusyButton class="button button--primary" busy={saving} onClick={onSubmit}>
          {saving ? t("review.saving") : t("review.submit")}
        </BusyButton>
      </div>
    </div>
  );
}
