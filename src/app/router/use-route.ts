import { useEffect, useState } from "preact/hooks";
import { currentPath, subscribeToPath } from "./history";
import { matchRoute, type Route } from "./routes";

export function useRoute(): Route {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    // A child's effect runs before this one and may already have navigated (a redirect on first
    // render): read the path again once subscribed, or that navigation would be missed.
    setPath(currentPath());
    return subscribeToPath(() => setPath(currentPath()));
  }, []);
  return matchRoute(path);
}
