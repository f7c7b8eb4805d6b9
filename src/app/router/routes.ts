/** The app's pages; a pathname maps to exactly one. */
export type Route =
  | { name: "home" }
  | { name: "survey"; surveyId: string }
  | { name: "dashboard" }
  | { name: "settings" }
  | { name: "held" }
  | { name: "enroll" }
  | { name: "kiosk" }
  | { name: "paper" }
  | { name: "flyer"; surveyId: string }
  | { name: "not_found"; path: string };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { name: "home" };
  if (path === "/dashboard") return { name: "dashboard" };
  if (path === "/settings") return { name: "settings" };
  if (path === "/held") return { name: "held" };
  if (path === "/enroll") return { name: "enroll" };
  if (path === "/kiosk") return { name: "kiosk" };
  if (path === "/paper") return { name: "paper" };
  const flyer = /^\/flyer\/([a-z0-9][a-z0-9-]{0,63})$/.exec(path);
  if (flyer?.[1]) return { name: "flyer", surveyId: flyer[1] };
  const survey = /^\/s\/([a-z0-9][a-z0-9-]{0,63})$/.exec(path);
  if (survey?.[1]) return { name: "survey", surveyId: survey[1] };
  return { name: "not_found", path };
}

export const surveyPath = (surveyId: string) => `/s/${surveyId}`;
export const flyerPath = (surveyId: string) => `/flyer/${surveyId}`;

/** In kiosk mode only these pages open: the rest would show the queue, the settings or the dashboard. */
export const KIOSK_ROUTES: readonly Route["name"][] = ["kiosk", "enroll"];
