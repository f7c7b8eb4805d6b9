import type { ButtonHTMLAttributes } from "preact";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "disabled" | "type"> & {
  /** The action is running (or, for a shared action such as a sync, running elsewhere). */
  busy: boolean;
  onClick(): void;
};

/**
 * A button that stays in place while its action runs: aria-disabled, not disabled, and a press
 * meanwhile does nothing. A disabled button drops the focus of whoever just pressed it to the page,
 * so a keyboard or screen reader user starts again from the top, and leaves the tab order under
 * someone tabbing through when a background task disables it.
 */
export function BusyButton({ busy, onClick, ...rest }: Props) {
  return <button {...rest} type="button" aria-disabled={busy} onClick={() => !busy && onClick()} />;
}
