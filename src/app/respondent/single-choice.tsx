import type { z } from "zod/mini";
import type { SingleChoiceQuestion } from "../../domain/definition";
import { localize } from "../../domain/locales";
import type { AnswerInputProps } from "./answer-input";

type Props = AnswerInputProps<string> & { question: z.infer<typeof SingleChoiceQuestion> };

export function SingleChoice({
  question,
  value,
  onChange,
  locale,
  describedBy,
  invalid,
  renderTitle,
}: Props) {
  return (
    <fieldset class="choices" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend>{renderTitle()}</legend>
      {question.options.map((option) => (
        <label key={option.id} class="choice">
          <input
            type="radio"
            name={question.id}
            value={option.id}
            checked={value === option.id}
            onChange={() => onChange(option.id)}
          />
          <span>{localize(option.label, locale)}</span>
        </label>
      ))}
    </fieldset>
  );
}
