import type { ButtonHTMLAttributes } from "preact";
import { useOneAtATime } from "../hooks/use-one-at-a-time";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "disabled" | "type"> & {
  /** The action is running (or, for a shared action such as a sync, running elsewhere). */
  busy: boolean;
  /** An action that returns its promise is not started again until that promise has settled. */
  onClick(): unknown;
};

/**
 * A button that stays in place while its action runs: aria-disabled, not disabled, and a press
 * meanwhile does nothing. A disabled button drops the focus of whoever just pressed it to the page,
 * so a keyboard or screen reader user starts again from the top, and leaves the tab order under
 * someone tabbing through when a background task disables it.
 *
 * Presses are held here while the action's promise is pending, not by `busy` alone, which a second
 * tap can beat (useOneAtATime).
 */
export function BusyButton({ busy, onClick, ...rest }: Props) {
  const [, once] = useOneAtATime();
  const press = () => {
    if (!busy) once(onClick);
  };
  return <button {...rest} type="button" aria-disabled={busy} onClick={press} />;
}
