import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export type Resource<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "failed"; error: unknown };

/**
 * The result of an async load, re-run when `key` changes or on retry(); a stale answer is dropped.
 * `ready` may give the value at once (already in memory): then the first render shows it, with no
 * loading screen drawn and replaced a frame later.
 */
export function useResource<T>(
  load: () => Promise<T>,
  key: string,
  ready?: () => T | undefined,
): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>(() => {
    const value = ready?.();
    return value === undefined ? { status: "loading" } : { status: "ready", value };
  });
  const [attempt, setAttempt] = useState(0);
  const hadValue = useRef(state.status === "ready");
  useEffect(() => {
    if (hadValue.current) {
      hadValue.current = false;
      return;
    }
    let current = true;
    setState({ status: "loading" });
    load().then(
      (value) => current && setState({ status: "ready", value }),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
