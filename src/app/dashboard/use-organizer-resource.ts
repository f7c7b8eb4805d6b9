import { useEffect, useRef } from "preact/hooks";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { type Resource, type ResourceOptions, useResource } from "../hooks/use-resource";

/**
 * useResource for an organizer's request. A refused session is no failure to show here: it goes to
 * onUnauthorized (the page turns to the sign-in), and the resource stays "loading" meanwhile.
 */
export function useOrganizerResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: unknown,
  onUnauthorized: () => void,
  options?: ResourceOptions<T>,
): [Resource<T>, () => void] {
  const [resource, retry] = useResource(load, key, options);
  // Read through a ref: a new callback from the parent is no reason to fetch again.
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const refused = resource.status === "failed" && resource.error instanceof UnauthorizedError;
  useEffect(() => {
    if (refused) unauthorized.current();
  }, [resource]);
  if (!refused) return [resource, retry];
  return [{ status: "loading", ...("last" in resource ? { last: resource.last as T } : {}) }, retry];
}
