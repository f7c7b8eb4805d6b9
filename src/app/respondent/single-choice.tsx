import type { z } from "zod/mini";
import type { SingleChoiceQuestion } from "../../domain/definition";
import type { AnswerInputProps } from "./answer-input";
import { ChoiceGroup } from "./choice-group";

type Props = AnswerInputProps<string> & { question: z.infer<typeof SingleChoiceQuestion> };

export function SingleChoice({ question, value, onChange, ...group }: Props) {
  return (
    <ChoiceGroup
      {...group}
      type="radio"
      name={question.id}
      options={question.options}
      checked={(id) => value === id}
      onChange={(id) => onChange(id)}
    />
  );
}
