import type { ComponentChildren } from "preact";
import type { z } from "zod/mini";
import type { Option } from "../../domain/definition";
import { localize } from "../../domain/locales";
import type { AnswerInputProps } from "./answer-input";

type Props = Pick<AnswerInputProps<unknown>, "locale" | "describedBy" | "invalid" | "renderTitle"> & {
  type: "radio" | "checkbox";
  name: string;
  options: readonly z.infer<typeof Option>[];
  /** Under the title, before the options. */
  hint?: ComponentChildren;
  checked(optionId: string): boolean;
  onChange(optionId: string, checked: boolean): void;
};

/** A question's options as one group: its title the legend, described and marked as the question. */
export function ChoiceGroup({
  type,
  name,
  options,
  hint,
  checked,
  onChange,
  locale,
  describedBy,
  invalid,
  renderTitle,
}: Props) {
  return (
    <fieldset class="choices" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend>{renderTitle()}</legend>
      {hint}
      {options.map((option) => (
        <label key={option.id} class="choice">
          <input
            type={type}
            name={name}
            value={option.id}
            checked={checked(option.id)}
            onChange={(event) => onChange(option.id, event.currentTarget.checked)}
          />
          <span>{localize(option.label, locale)}</span>
        </label>
      ))}
    </fieldset>
  );
}
