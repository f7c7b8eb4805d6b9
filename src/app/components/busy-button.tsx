import type { ButtonHTMLAttributes } from "preact";
import { useRef } from "preact/hooks";

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
 * Presses are counted here, not by `busy`: two taps can both land before the render that shows it
 * (a double tap on a slow phone), and a second submit would store the answers twice, under two ids.
 */
export function BusyButton({ busy, onClick, ...rest }: Props) {
  const running = useRef(false);
  const press = () => {
    if (busy || running.current) return;
    const result = onClick();
    if (!(result instanceof Promise)) return;
    running.current = true;
    // A rejection stays as unhandled as it was: only the guard is added to the promise.
    void result.finally(() => {
      running.current = false;
    });
  };
  return <button {...rest} type="button" aria-disabled={busy} onClick={press} />;
}
