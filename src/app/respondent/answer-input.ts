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
  /**
   * The field holds something that is not an answer at all (letters in a number field): the browser
   * gives no value then, and "next" must say "enter a number", not "required".
   */
  onUnreadable?(unreadable: boolean): void;
}
