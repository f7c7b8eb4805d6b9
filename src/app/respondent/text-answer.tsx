import type { z } from "zod/mini";
import type { TextQuestion } from "../../domain/definition";
import { t } from "../../i18n";
import { Field } from "../components/field";
import type { AnswerInputProps } from "./answer-input";

type Props = AnswerInputProps<string> & { question: z.infer<typeof TextQuestion> };

export function TextAnswer({ question, value = "", onChange, describedBy, invalid, renderTitle }: Props) {
  const inputId = `${question.id}-input`;
  // Code points, as the validation counts them: an emoji is one character to a respondent.
  const used = [...value].length;
  const Input = question.multiline ? "textarea" : "input";
  return (
    <div class="text-answer">
      <Field
        id={inputId}
        title={renderTitle(inputId)}
        describedBy={describedBy}
        invalid={invalid}
        note={{
          id: `${question.id}-counter`,
          class: used > question.maxLength ? "counter counter--over" : "counter",
          text: t("respondent.characters", { used, max: question.maxLength }),
        }}
      >
        {(control) => (
          <Input
            {...control}
            class="text-answer__field"
            value={value}
            rows={question.multiline ? 6 : undefined}
            maxLength={question.maxLength}
            onInput={(event) => {
              const text = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
              onChange(text === "" ? undefined : text);
            }}
          />
        )}
      </Field>
    </div>
  );
}
