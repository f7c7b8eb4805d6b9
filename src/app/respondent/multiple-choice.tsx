import type { z } from "zod/mini";
import type { MultipleChoiceQuestion } from "../../domain/definition";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import type { AnswerInputProps } from "./answer-input";
import { toggleOption } from "./toggle-option";

type Props = AnswerInputProps<string[]> & { question: z.infer<typeof MultipleChoiceQuestion> };

export function MultipleChoice({
  question,
  value = [],
  onChange,
  locale,
  describedBy,
  invalid,
  renderTitle,
}: Props) {
  return (
    <fieldset class="choices" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend>{renderTitle()}</legend>
      <p class="hint">{t("respondent.chooseAll")}</p>
      {question.options.map((option) => (
        <label key={option.id} class="choice">
          <input
            type="checkbox"
            name={question.id}
            value={option.id}
            checked={value.includes(option.id)}
            onChange={(event) =>
              onChange(toggleOption(value, option.id, event.currentTarget.checked, question.exclusive))
            }
          />
          <span>{localize(option.label, locale)}</span>
        </label>
      ))}
    </fieldset>
  );
}
