import { useRef, useState } from "preact/hooks";

/**
 * Starts an action only if the one it last started has settled, and says whether one is running (to
 * show its button busy). Two presses, or two submits with the Enter key, can both land before the
 * render that shows the first one busy (a double tap on a slow phone), so the guard is a ref, not
 * that state: a second POST would create a second event, or a second response under a new id.
 * An action that returns no promise is never held.
 */
export function useOneAtATime(): [running: boolean, start: (action: () => unknown) => void] {
  const guard = useRef(false);
  const [running, setRunning] = useState(false);
  const start = (action: () => unknown) => {
    if (guard.current) return;
    const result = action();
    if (!(result instanceof Promise)) return;
    guard.current = true;
    setRunning(true);
    // A rejection stays as unhandled as it was: only the guard is added to the promise.
    void result.finally(() => {
      guard.current = false;
      setRunning(false);
    });
  };
  return [running, start];
}
