import type { VNode } from "preact";

/** What every answer control receives from the question screen. */
export interface AnswerInputProps<T> {
  value: T | undefined;
  /** undefined: the answer was cleared. */
  onChange(value: T | undefined): void;
  locale: string;
  /** Ids of the help, hint and error texts. */
  describedBy: string;
  invalid: boolean;
  /** The question's heading: inside a fieldset's legend, or wrapping a text field's label. */
  renderTitle(labelFor?: string): VNode;
}
