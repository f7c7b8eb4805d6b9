import { useState } from "preact/hooks";
import type { z } from "zod/mini";
import type { NumberQuestion } from "../../domain/definition";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { Field } from "../components/field";
import type { AnswerInputProps } from "./answer-input";

type Props = AnswerInputProps<number> & { question: z.infer<typeof NumberQuestion> };

export function NumberAnswer({
  question,
  value,
  onChange,
  locale,
  describedBy,
  invalid,
  renderTitle,
  onUnreadable,
}: Props) {
  // The field keeps what was typed ("1." on the way to "1.5"); the answer is the number it parses to.
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const inputId = `${question.id}-input`;
  const { min, max } = question;
  const range =
    min !== undefined && max !== undefined
      ? t("respondent.numberRange", { min, max })
      : min !== undefined
        ? t("respondent.numberMin", { min })
        : max !== undefined
          ? t("respondent.numberMax", { max })
          : undefined;
  return (
    <div class="number-answer">
      <Field
        id={inputId}
        title={renderTitle(inputId)}
        describedBy={describedBy}
        invalid={invalid}
        note={range === undefined ? undefined : { id: `${question.id}-range`, class: "hint", text: range }}
      >
        {(control) => (
          <div class="number-answer__row">
            <input
              {...control}
              type="number"
              inputMode={question.integer ? "numeric" : "decimal"}
              step={question.integer ? 1 : "any"}
              min={min}
              max={max}
              value={text}
              onInput={(event) => {
                const raw = event.currentTarget.value;
                setText(raw);
                // "1e" or "--" in a number field: the browser reports an empty value with badInput.
                onUnreadable?.(event.currentTarget.validity.badInput);
                const parsed = raw.trim() === "" ? undefined : Number(raw);
                onChange(parsed === undefined || Number.isNaN(parsed) ? undefined : parsed);
              }}
            />
            {question.unit && <span class="number-answer__unit">{localize(question.unit, locale)}</span>}
          </div>
        )}
      </Field>
    </div>
  );
}
