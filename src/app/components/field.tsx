import type { ComponentChildren, VNode } from "preact";

/** What a field's input takes: its id, and the texts that describe it, as ids. */
export interface FieldControl {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/** A line of text under the input that the input names in aria-describedby. */
export interface FieldLine {
  id: string;
  text: ComponentChildren;
  /** "field-error" unless told. */
  class?: string;
  role?: "alert" | "status";
}

interface Props {
  /** The input's id. */
  id: string;
  /** The label's text, drawn as the form's label above the input. */
  label?: ComponentChildren;
  /** Drawn instead of `label`: a heading that holds its own <label for={id}> (a question's title). */
  title?: VNode;
  /** A hint between the label and the input. */
  hint?: ComponentChildren;
  /** The hint's id, `${id}-help` unless told. */
  hintId?: string;
  /** A line just under the input (a number's range, a text's counter). */
  note?: FieldLine;
  /**
   * The error (or the outcome) under the input. Drawn even while its text is empty: a live region
   * must be in the page before it speaks, or a screen reader does not announce what appears in it.
   */
  message?: FieldLine;
  /** Ids of texts outside the field that describe it too (a hint or an error two inputs share). */
  describedBy?: string;
  invalid?: boolean;
  children(control: FieldControl): ComponentChildren;
}

/**
 * A form's field: label, hint, input and error, the input described by the texts around it. No
 * wrapper element: the form's own spacing and order stay as they were written out by hand.
 */
export function Field({
  id,
  label,
  title,
  hint,
  hintId = `${id}-help`,
  note,
  message,
  describedBy,
  invalid,
  children,
}: Props) {
  const described = [describedBy, hint !== undefined && hintId, note?.id, message?.id]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      {title ?? (
        <label for={id} class="field-label">
          {label}
        </label>
      )}
      {hint !== undefined && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(described ? { "aria-describedby": described } : {}),
        ...(invalid ? { "aria-invalid": true as const } : {}),
      })}
      {note && <Line {...note} />}
      {message && <Line {...message} />}
    </>
  );
}

function Line({ id, text, class: className = "field-error", role }: FieldLine) {
  return (
    <p id={id} class={className} role={role}>
      {text}
    </p>
  );
}
