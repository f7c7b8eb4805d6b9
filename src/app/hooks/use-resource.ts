import { useCallback, useEffect, useRef, useState } from "preact/hooks";

/** `last`: with `keep`, the value of the load before, while the next one runs or after it failed. */
export type Resource<T> =
  | { status: "loading"; last?: T }
  | { status: "ready"; value: T }
  | { status: "failed"; error: unknown; last?: T };

export interface ResourceOptions<T> {
  /**
   * The value at once if it is already in memory: then the first render shows it, with no loading
   * screen drawn and replaced a frame later.
   */
  ready?: () => T | undefined;
  /**
   * Keep the last value at hand (as `last`) while the next load runs and after it fails: a screen
   * that refreshes in place, with no "loading" between two values.
   */
  keep?: boolean;
}

const LOADING = { status: "loading" } as const;

/** The newest value there is: the ready one, or with `keep` the one before. */
export function latest<T>(resource: Resource<T>): T | undefined {
  return resource.status === "ready" ? resource.value : resource.last;
}

function kept<T>(previous: Resource<T>): { last?: T } {
  if (previous.status === "ready") return { last: previous.value };
  return "last" in previous ? { last: previous.last as T } : {};
}

/**
 * The result of an async load, re-run when `key` changes (compared as effect dependencies are) or on
 * retry(). A stale answer is dropped, and the load's signal is aborted, when the key changes or the
 * component goes. An undefined key loads nothing: the resource stays "loading" until there is one.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: unknown,
  { ready, keep = false }: ResourceOptions<T> = {},
): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>(() => {
    const value = ready?.();
    return value === undefined ? LOADING : { status: "ready", value };
  });
  const [attempt, setAttempt] = useState(0);
  const hadValue = useRef(state.status === "ready");
  useEffect(() => {
    if (hadValue.current) {
      hadValue.current = false;
      return;
    }
    if (key === undefined) {
      setState(LOADING);
      return;
    }
    const controller = new AbortController();
    setState((previous) => (keep ? { status: "loading", ...kept(previous) } : LOADING));
    load(controller.signal).then(
      (value) => controller.signal.aborted || setState({ status: "ready", value }),
      (error: unknown) =>
        controller.signal.aborted ||
        setState((previous) => ({ status: "failed", error, ...(keep ? kept(previous) : {}) })),
    );
    return () => controller.abort();
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
