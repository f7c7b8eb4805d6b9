import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import { localize } from "../../domain/locales";
import type { Answers } from "../../domain/response";
import { visibleQuestions } from "../../domain/visibility";
import { t } from "../../i18n";
import { savePaperKeying } from "../device/paper-keying";
import { errorMessage } from "../respondent/error-message";
import { formatAnswer } from "../respondent/format-answer";
import {
  answerForDigit,
  isFormNumber,
  numberFromTyped,
  problemsOf,
  type Step,
  stepAfter,
  stepBefore,
  withAnswer,
} from "./paper-flow";
import { PaperQuestion } from "./paper-question";

/**
 * Keying returned paper forms from the keyboard alone: the form's number, then each question the
 * form shows in printed order (digits pick options, Enter moves on, Enter on a blank records no
 * answer, Escape or Backspace goes back), then a summary that Enter saves into the outbox, and the
 * next form starts. The page's live region says what happened, for a screen reader.
 */
export function PaperEntry({ def, locale }: { def: SurveyDefinition; locale: Locale }) {
  const [step, setStep] = useState<Step>({ kind: "number" });
  const [paperForm, setPaperForm] = useState("");
  const [answers, setAnswers] = useState<Answers>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const [announced, setAnnounced] = useState("");
  const [saved, setSaved] = useState(0);
  const [saving, setSaving] = useState(false);
  const numberRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // Before the next key arrives: a fast typist's key must land inside the entry, not on the body.
  useLayoutEffect(() => {
    if (step.kind === "number") numberRef.current?.focus();
    if (step.kind === "summary") summaryRef.current?.focus();
  }, [step]);

  const shown = visibleQuestions(def, answers);
  const question = step.kind === "question" ? def.questions.find((q) => q.id === step.id) : undefined;

  const go = (next: Step) => {
    setError(undefined);
    setStep(next);
  };

  const commitQuestion = () => {
    if (!question) return;
    const answer =
      question.kind === "number"
        ? numberFromTyped(typed[question.id] ?? "")
        : question.kind === "text"
          ? (typed[question.id] ?? "").trim() || undefined
          : answers[question.id];
    const next = withAnswer(answers, question.id, answer);
    const problem = problemsOf(def, next, question.id)[0];
    if (problem) {
      setAnswers(next);
      setError(errorMessage(problem, question));
      return;
    }
    setAnswers(next);
    go(stepAfter(def, next, question.id));
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      const result = await savePaperKeying(def, answers, paperForm, locale);
      if (result.kind === "invalid") {
        const first = result.errors[0];
        if (first) {
          setStep({ kind: "question", id: first.questionId });
          setError(
            errorMessage(
              first,
              def.questions.find((q) => q.id === first.questionId),
            ),
          );
        }
        return;
      }
      setSaved((n) => n + 1);
      setAnnounced(t("paper.saved", { form: paperForm }));
      setPaperForm("");
      setAnswers({});
      setTyped({});
      go({ kind: "number" });
    } catch {
      setError(t("paper.saveFailed"));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const inField = target instanceof HTMLInputElement && target.type === "text";
    // A button's own Enter is its click (the summary's Back).
    if (event.key === "Enter" && !(target instanceof HTMLButtonElement)) {
      event.preventDefault();
      if (step.kind === "number") {
        const form = paperForm.trim();
        if (!isFormNumber(form)) setError(t("paper.formNumberInvalid"));
        else {
          setPaperForm(form);
          go(stepAfter(def, answers));
        }
      } else if (step.kind === "question") commitQuestion();
      else void save();
      return;
    }
    const back =
      event.key === "Escape" ||
      (event.key === "Backspace" && !(inField && (target as HTMLInputElement).value !== ""));
    if (back && step.kind !== "number") {
      event.preventDefault();
      go(step.kind === "summary" ? stepBefore(def, answers) : stepBefore(def, answers, step.id));
      return;
    }
    if (
      question &&
      (question.kind === "single" || question.kind === "multiple") &&
      /^[1-9]$/.test(event.key)
    ) {
      event.preventDefault();
      const answer = answerForDigit(question, answers[question.id], event.key);
      setAnswers(withAnswer(answers, question.id, answer));
      setError(undefined);
      rootRef.current?.querySelector<HTMLInputElement>(`input[data-digit="${event.key}"]`)?.focus();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys of every step are handled once, here; each step's own controls take the focus
    <div class="paper-entry" ref={rootRef} onKeyDown={onKeyDown}>
      <p class="paper-entry__status" role="status" aria-live="polite">
        {announced}
      </p>
      <p class="paper-entry__count">{t("paper.savedCount", { n: saved })}</p>
      {step.kind === "number" && (
        <div class="paper-question">
          <label for="paper-form-number" class="field-label">
            {t("paper.formNumber")}
          </label>
          <p id="paper-form-number-hint" class="field-hint">
            {t("paper.formNumberHint")}
          </p>
          <input
            ref={numberRef}
            id="paper-form-number"
            type="text"
            autoComplete="off"
            value={paperForm}
            aria-describedby="paper-form-number-hint paper-form-number-error"
            aria-invalid={error ? true : undefined}
            onInput={(event) => {
              setPaperForm(event.currentTarget.value);
              setError(undefined);
            }}
          />
          {/* Where a mailed letter's invitation code will be keyed, once codes exist (issue 21 part 1). */}
          <p id="paper-form-number-error" class="field-error" role="alert">
            {error ?? ""}
          </p>
        </div>
      )}
      {step.kind === "question" && question && (
        <PaperQuestion
          key={question.id}
          question={question}
          position={shown.findIndex((q) => q.id === question.id) + 1}
          total={shown.length}
          answer={answers[question.id]}
          typed={
            typed[question.id] ?? (answers[question.id] === undefined ? "" : String(answers[question.id]))
          }
          error={error}
          locale={locale}
          onChoose={(answer) => {
            setAnswers(withAnswer(answers, question.id, answer));
            setError(undefined);
          }}
          onType={(text) => {
            setTyped({ ...typed, [question.id]: text });
            setError(undefined);
          }}
        />
      )}
      {step.kind === "summary" && (
        <section class="paper-summary" aria-labelledby="paper-summary-title">
          <h2 id="paper-summary-title" ref={summaryRef} tabIndex={-1}>
            {t("paper.summaryTitle", { form: paperForm })}
          </h2>
          <dl class="paper-summary__list">
            {shown.map((q) => (
              <div key={q.id}>
                <dt>{localize(q.label, locale)}</dt>
                <dd>{formatAnswer(q, answers[q.id], locale) ?? t("paper.noAnswer")}</dd>
              </div>
            ))}
          </dl>
          <p class="field-hint">{t("paper.summaryHint")}</p>
          <p class="field-error" role="alert">
            {error ?? ""}
          </p>
          <div class="paper-summary__actions">
            <button type="button" class="button" disabled={saving} onClick={() => void save()}>
              {t("paper.save")}
            </button>
            <button type="button" class="button button--quiet" onClick={() => go(stepBefore(def, answers))}>
              {t("paper.back")}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
