/**
 * The dashboard's screens, each at /dashboard/<section> (/dashboard is the first): one place of
 * work each, with its own address to bookmark and share, rather than one long page.
 */
export const DASHBOARD_SECTIONS = [
  "indicators",
  "trend",
  "responses",
  "population",
  "sample",
  "events",
  "surveys",
  "results",
  "accounts",
  "audit",
  "account",
] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** The app's pages; a pathname maps to exactly one. */
export type Route =
  | { name: "home" }
  | { name: "survey"; surveyId: string }
  | { name: "dashboard"; section: DashboardSection }
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
  if (path === "/dashboard") return { name: "dashboard", section: "indicators" };
  const section = /^\/dashboard\/([a-z]+)$/.exec(path)?.[1];
  const known = DASHBOARD_SECTIONS.find((s) => s === section);
  if (known) return { name: "dashboard", section: known };
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
export const dashboardPath = (section: DashboardSection) => `/dashboard/${section}`;
export const flyerPath = (surveyId: string) => `/flyer/${surveyId}`;

/** In kiosk mode only these pages open: the rest would show the queue, the settings or the dashboard. */
export const KIOSK_ROUTES: readonly Route["name"][] = ["kiosk", "enroll"];
