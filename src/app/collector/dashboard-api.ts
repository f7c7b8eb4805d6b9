import { ResponseCounts } from "../../contract/counts";
import { ErrorBody } from "../../contract/errors";
import { ImportSummary } from "../../contract/imports";
import { PopulationSummary } from "../../contract/population";
import { type ReviewBody, ReviewResult, ReviewSummary } from "../../contract/reviews";
import { SessionState } from "../../contract/session";
import { Tallies } from "../../contract/tallies";
import { Trend } from "../../contract/trend";
import { readEndpoint } from "../device/settings";

/** 401/403: not signed in, or the session ended; the dashboard asks for the token again. */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
}

/**
 * The collector refused a request. `message` is its English; what the dashboard shows is worded from
 * `code` in the reader's language (dashboard/collector-problem.ts), the English only a fallback.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    /** The collector's problems (what and where, and what kind), when it gave any. */
    readonly problems: readonly { path: string; message: string; code?: string | undefined }[] = [],
    /** The stable code of the error body (PROBLEM_CODES); absent when the answer had no such body. */
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** An error answer as an ApiError: its body's code, message and problems, else only its status. */
export async function apiErrorOf(response: globalThis.Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => undefined));
  return body.success
    ? new ApiError(body.data.error.message, body.data.error.problems, body.data.error.code, response.status)
    : new ApiError(`HTTP ${response.status}`, [], undefined, response.status);
}

/** 429 at sign-in: too many wrong tokens from this browser; wait `retryAfter` seconds. */
export class TooManySignInsError extends Error {
  override name = "TooManySignInsError";
  constructor(readonly retryAfter: number) {
    super(`retry after ${retryAfter} s`);
  }
}

/**
 * Every organizer request rides on the session cookie the collector set at sign-in (HttpOnly: this
 * code never sees it), so no token is kept in the browser.
 */
async function organizerFetch(path: string, init: RequestInit = {}): Promise<globalThis.Response> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}${path}`, { credentials: "same-origin", ...init });
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const surveyPath = (surveyId: string, rest: string) => `/surveys/${encodeURIComponent(surveyId)}/${rest}`;

/** Signs in with the organizer token; throws UnauthorizedError or TooManySignInsError. */
export async function signIn(token: string): Promise<void> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}/session`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token }),
  });
  if (response.status === 429)
    throw new TooManySignInsError(Number(response.headers.get("Retry-After")) || 1);
  if (response.status === 401) throw new UnauthorizedError(`HTTP ${response.status}`);
  // Anything else (a cross-site refusal, a collector that failed) is not a wrong token: said as it is.
  if (!response.ok) throw await apiErrorOf(response);
}

export async function signOut(): Promise<void> {
  const endpoint = await readEndpoint();
  await fetch(`${endpoint}/session`, { method: "DELETE", credentials: "same-origin" });
}

/** Whether this browser holds a live session. */
export async function isSignedIn(): Promise<boolean> {
  const response = await organizerFetch("/session", { cache: "no-store" });
  return SessionState.parse(await response.json()).signedIn;
}

export async function fetchTallies(
  surveyId: string,
  options: { wave?: number; by?: string },
): Promise<Tallies> {
  return Tallies.parse(await (await organizerFetch(surveyPath(surveyId, `tallies${query(options)}`))).json());
}

export async function fetchTrend(surveyId: string): Promise<Trend> {
  return Trend.parse(await (await organizerFetch(surveyPath(surveyId, "trend"))).json());
}

/** Stored responses per Tokyo day, event, kiosk device and survey version; every wave without one. */
export async function fetchResponseCounts(surveyId: string, wave?: number): Promise<ResponseCounts> {
  return ResponseCounts.parse(
    await (await organizerFetch(surveyPath(surveyId, `counts${query({ wave })}`))).json(),
  );
}

export async function fetchPopulation(surveyId: string): Promise<PopulationSummary> {
  return PopulationSummary.parse(await (await organizerFetch(surveyPath(surveyId, "population"))).json());
}

/** Replaces the population totals; a refused file throws ApiError with each line's problem. */
export async function uploadPopulation(surveyId: string, file: Blob): Promise<PopulationSummary> {
  const response = await organizerFetch(surveyPath(surveyId, "population"), {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: file,
  });
  return PopulationSummary.parse(await response.json());
}

export type CsvExport = "responses.csv" | "tallies.csv" | "policy.csv";

export async function fetchCsv(
  surveyId: string,
  file: CsvExport,
  params: { wave?: number; by?: string } = {},
): Promise<Blob> {
  return await (await organizerFetch(surveyPath(surveyId, `${file}${query(params)}`))).blob();
}

/**
 * POST /imports: a device-backup file as it is, checked whole by the collector before anything is
 * stored. A refused file throws ApiError with the collector's reason (what and where).
 */
export async function importBackupFile(file: Blob): Promise<ImportSummary> {
  const response = await organizerFetch("/imports", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: file,
  });
  return ImportSummary.parse(await response.json());
}

/** What the collector stored but does not count (held, excluded), by state, reason and wave. */
export async function fetchReviews(surveyId: string): Promise<ReviewSummary> {
  return ReviewSummary.parse(await (await organizerFetch(surveyPath(surveyId, "reviews"))).json());
}

/** Moves every response of `from` (a state and reason, in one wave) to `to`, saying why. */
export async function changeReviews(surveyId: string, body: ReviewBody): Promise<ReviewResult> {
  const response = await organizerFetch(surveyPath(surveyId, "reviews"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return ReviewResult.parse(await response.json());
}
