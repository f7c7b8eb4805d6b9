import type { z } from "zod/mini";
import type { TextQuestion } from "../../domain/definition";
import { t } from "../../i18n";
import type { AnswerInputProps } from "./answer-input";

type Props = AnswerInputProps<string> & { question: z.infer<typeof TextQuestion> };

export function TextAnswer({ question, value = "", onChange, describedBy, invalid, renderTitle }: Props) {
  const inputId = `${question.id}-input`;
  const counterId = `${question.id}-counter`;
  // Code points, as the validation counts them: an emoji is one character to a respondent.
  const used = [...value].length;
  const Field = question.multiline ? "textarea" : "input";
  return (
    <div class="text-answer">
      {renderTitle(inputId)}
      <Field
        id={inputId}
        class="text-answer__field"
        value={value}
        rows={question.multiline ? 6 : undefined}
        maxLength={question.maxLength}
        aria-describedby={`${describedBy} ${counterId}`}
        aria-invalid={invalid || undefined}
        onInput={(event) => {
          const text = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
          onChange(text === "" ? undefined : text);
        }}
      />
      <p id={counterId} class={used > question.maxLength ? "counter counter--over" : "counter"}>
        {t("respondent.characters", { used, max: question.maxLength })}
      </p>
    </div>
  );
}
