import { useRef } from "preact/hooks";

/**
 * Starts an action only if the one it last started has settled: two presses, or two submits with
 * the Enter key, can both land before the render that shows the first one busy (a double tap on a
 * slow phone), and a second POST would create a second event, or a second response under a new id.
 * An action that returns no promise is never held.
 */
export function useOneAtATime(): (action: () => unknown) => void {
  const running = useRef(false);
  return (action) => {
    if (running.current) return;
    const result = action();
    if (!(result instanceof Promise)) return;
    running.current = true;
    // A rejection stays as unhandled as it was: only the guard is added to the promise.
    void result.finally(() => {
      running.current = false;
    });
  };
}
