import { useEffect, useState } from "preact/hooks";
import { currentPath, subscribeToPath } from "./history";
import { matchRoute, type Route } from "./routes";

export function useRoute(): Route {
  const [path, setPath] = useState(currentPath);
  useEffect(() => subscribeToPath(() => setPath(currentPath())), []);
  return matchRoute(path);
}
