import type { z } from "zod/mini";
import type { MultipleChoiceQuestion } from "../../domain/definition";
import { t } from "../../i18n";
import type { AnswerInputProps } from "./answer-input";
import { ChoiceGroup } from "./choice-group";
import { toggleOption } from "./toggle-option";

type Props = AnswerInputProps<string[]> & { question: z.infer<typeof MultipleChoiceQuestion> };

export function MultipleChoice({ question, value = [], onChange, ...group }: Props) {
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      name={question.id}
      options={question.options}
      hint={<p class="hint">{t("respondent.chooseAll")}</p>}
      checked={(id) => value.includes(id)}
      onChange={(id, checked) => onChange(toggleOption(value, id, checked, question.exclusive))}
    />
  );
}
