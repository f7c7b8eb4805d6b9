/**
 * Runs `run` at the browser's first idle moment, at the latest after `timeoutMs`: work that must not
 * hold up what the respondent is waiting for on a slow phone's only busy core. Where there is no
 * requestIdleCallback (Safari), after `fallbackMs`. Returns a cancel.
 */
export function whenIdle(run: () => void, { timeoutMs = 3000, fallbackMs = 500 } = {}): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, fallbackMs);
  return () => clearTimeout(timer);
}
