import { useLayoutEffect, useRef } from "preact/hooks";
import type { Question } from "../../domain/definition";
import { localize } from "../../domain/locales";
import type { Answer } from "../../domain/response";
import { t } from "../../i18n";

interface Props {
  question: Question;
  /** Its place among the questions the form shows, and how many it shows now. */
  position: number;
  total: number;
  answer: Answer | undefined;
  /** What is typed in a number or text question, as typed. */
  typed: string;
  error: string | undefined;
  locale: string;
  onChoose(answer: Answer | undefined): void;
  onType(text: string): void;
}

/**
 * One question of the paper form: its options numbered in printed order (the digit picks, or for
 * multiple choice toggles, the option), or a field to type a number or text into. The keys that
 * move between questions are the entry's (paper-entry.tsx); this only draws and takes the focus.
 */
export function PaperQuestion(props: Props) {
  const { question, locale } = props;
  const first = useRef<HTMLInputElement>(null);
  // Before the next key: a key pressed while the focus is on a removed input would be lost.
  useLayoutEffect(() => first.current?.focus(), [question.id]);
  const label = localize(question.label, locale);
  const headingId = `paper-q-${question.id}`;
  const errorId = `${headingId}-error`;
  const counter = t("paper.questionOf", { n: props.position, total: props.total });
  const error = (
    <p id={errorId} class="field-error" role="alert">
      {props.error ?? ""}
    </p>
  );

  if (question.kind === "single" || question.kind === "multiple") {
    const chosen = (id: string) =>
      question.kind === "single"
        ? props.answer === id
        : Array.isArray(props.answer) && props.answer.includes(id);
    return (
      <fieldset class="paper-question" aria-describedby={errorId}>
        <legend id={headingId}>
          <span class="paper-question__counter">{counter}</span> {label}
        </legend>
        <p class="field-hint">{t(question.kind === "single" ? "paper.singleHint" : "paper.multipleHint")}</p>
        <ol class="paper-options">
          {question.options.map((option, i) => (
            <li key={option.id}>
              <label class="paper-option">
                <input
                  ref={i === 0 ? first : undefined}
                  type={question.kind === "single" ? "radio" : "checkbox"}
                  name={question.id}
                  value={option.id}
                  checked={chosen(option.id)}
                  data-digit={i < 9 ? String(i + 1) : undefined}
                  onChange={() =>
                    props.onChoose(
                      question.kind === "single"
                        ? option.id
                        : chosen(option.id)
                          ? (props.answer as string[]).filter((id) => id !== option.id)
                          : [...(Array.isArray(props.answer) ? props.answer : []), option.id],
                    )
                  }
                />
                <span class="paper-option__digit" aria-hidden="true">
                  {i < 9 ? i + 1 : ""}
                </span>{" "}
                {localize(option.label, locale)}
              </label>
            </li>
          ))}
        </ol>
        {error}
      </fieldset>
    );
  }
  return (
    <div class="paper-question">
      <label id={headingId} for={`${headingId}-input`} class="field-label">
        <span class="paper-question__counter">{counter}</span> {label}
      </label>
      <p class="field-hint" id={`${headingId}-hint`}>
        {t(question.kind === "number" ? "paper.numberHint" : "paper.textHint")}
      </p>
      <input
        ref={first}
        id={`${headingId}-input`}
        type="text"
        inputMode={question.kind === "number" ? "decimal" : "text"}
        autoComplete="off"
        value={props.typed}
        aria-describedby={`${headingId}-hint ${errorId}`}
        aria-invalid={props.error ? true : undefined}
        onInput={(event) => props.onType(event.currentTarget.value)}
      />
      {error}
    </div>
  );
}
