/** The app's pages; a pathname maps to exactly one. */
export type Route =
  | { name: "home" }
  | { name: "survey"; surveyId: string }
  | { name: "dashboard" }
  | { name: "settings" }
  | { name: "not_found"; path: string };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { name: "home" };
  if (path === "/dashboard") return { name: "dashboard" };
  if (path === "/settings") return { name: "settings" };
  const survey = /^\/s\/([a-z0-9][a-z0-9-]{0,63})$/.exec(path);
  if (survey?.[1]) return { name: "survey", surveyId: survey[1] };
  return { name: "not_found", path };
}

export const surveyPath = (surveyId: string) => `/s/${surveyId}`;
