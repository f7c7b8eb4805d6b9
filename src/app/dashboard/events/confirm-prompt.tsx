import type { ComponentChildren } from "preact";
import { t } from "../../../i18n";
import { BusyButton } from "../../components/busy-button";
import { useFocusOnShow } from "../../hooks/use-focus-on-show";

/**
 * A question asked in place of the button that raised it (revoke a tablet, delete an event), with
 * Yes and Cancel; Escape cancels too. The focus goes to the question, so that it is read out.
 * `buttons`: the class of a row that holds the two buttons (none: they follow the question inline,
 * small, as in a table cell).
 */
export function ConfirmPrompt({
  class: className,
  question,
  yes,
  busy,
  buttons,
  onConfirm,
  onCancel,
}: {
  class: string;
  question: string;
  yes: string;
  busy: boolean;
  buttons?: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const text = useFocusOnShow<HTMLParagraphElement>();
  const size = buttons ? "button" : "button button--small";
  const choices: ComponentChildren = [
    <BusyButton key="yes" busy={busy} class={`${size} button--primary`} onClick={onConfirm}>
      {yes}
    </BusyButton>,
    <button key="cancel" type="button" class={`${size} button--quiet`} onClick={onCancel}>
      {t("events.cancel")}
    </button>,
  ];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape here only cancels, as the Cancel button does
    <div
      class={className}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <p ref={text} tabIndex={-1}>
        {question}
      </p>
      {buttons ? <div class={buttons}>{choices}</div> : choices}
    </div>
  );
}
