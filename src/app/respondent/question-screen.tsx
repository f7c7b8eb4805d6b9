import type { Question } from "../../domain/definition";
import { localize } from "../../domain/locales";
import type { Answer } from "../../domain/response";
import type { AnswerError } from "../../domain/validate";
import { t } from "../../i18n";
import { useFocusOnShow } from "../hooks/use-focus-on-show";
import { errorMessage } from "./error-message";
import { MultipleChoice } from "./multiple-choice";
import { NumberAnswer } from "./number-answer";
import { Progress } from "./progress";
import { SingleChoice } from "./single-choice";
import { TextAnswer } from "./text-answer";

interface Props {
  question: Question;
  answer: Answer | undefined;
  error: AnswerError | undefined;
  locale: string;
  progress: { current: number; total: number };
  /** Came here with "edit" from the review: the main button returns there. */
  fromReview: boolean;
  onAnswer(answer: Answer | undefined): void;
  onUnreadable(unreadable: boolean): void;
  onBack(): void;
  onNext(): void;
}

export function QuestionScreen(props: Props) {
  const { question, answer, error, locale, progress } = props;
  // Each question is a new screen, though the component stays.
  const headingRef = useFocusOnShow<HTMLHeadingElement>([question.id]);

  const helpId = `${question.id}-help`;
  const errorId = `${question.id}-error`;
  const describedBy = [question.help && helpId, error && errorId].filter(Boolean).join(" ");
  const message = error && errorMessage(error, question);
  const label = localize(question.label, locale);
  const renderTitle = (labelFor?: string) => (
    <h1 ref={headingRef} tabIndex={-1} class="question__title">
      {labelFor ? <label for={labelFor}>{label}</label> : label}
      <span class={question.required ? "tag tag--required" : "tag"}>
        {question.required ? t("respondent.required") : t("respondent.optional")}
      </span>
    </h1>
  );
  const common = { locale, describedBy, invalid: Boolean(error), renderTitle };

  return (
    <form
      class="question"
      // Submitting does nothing of itself (a "dialog" form outside a dialog): before the app's script
      // has run, the HTML's first question must not reload the page and lose its answer.
      method="dialog"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onNext();
      }}
    >
      <Progress {...progress} />
      {question.help && (
        <p id={helpId} class="hint question__help">
          {localize(question.help, locale)}
        </p>
      )}
      {question.kind === "single" && (
        <SingleChoice
          {...common}
          question={question}
          value={answer as string | undefined}
          onChange={props.onAnswer}
        />
      )}
      {question.kind === "multiple" && (
        <MultipleChoice
          {...common}
          question={question}
          value={answer as string[] | undefined}
          onChange={props.onAnswer}
        />
      )}
      {question.kind === "text" && (
        <TextAnswer
          {...common}
          question={question}
          value={answer as string | undefined}
          onChange={props.onAnswer}
        />
      )}
      {question.kind === "number" && (
        <NumberAnswer
          {...common}
          key={question.id}
          question={question}
          value={answer as number | undefined}
          onChange={props.onAnswer}
          onUnreadable={props.onUnreadable}
        />
      )}
      <p id={errorId} class="field-error" hidden={!message}>
        {message}
      </p>
      {/* Announced when a "next" is refused; the inline text above stays for sighted readers. */}
      <div class="visually-hidden" aria-live="assertive">
        {message}
      </div>
      <div class="nav-buttons">
        <button type="button" class="button button--secondary" onClick={props.onBack}>
          {t("respondent.back")}
        </button>
        <button type="submit" class="button button--primary">
          {props.fromReview ? t("respondent.toReview") : t("respondent.next")}
        </button>
      </div>
    </form>
  );
}
