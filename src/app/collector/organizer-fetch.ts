import { ErrorBody } from "../../contract/errors";
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

export interface OrganizerInit extends Omit<RequestInit, "body"> {
  /** A body sent as it is (a file), or with `json` one sent as JSON. */
  body?: BodyInit;
  json?: unknown;
}

/**
 * A request to the collector's configured endpoint with the session cookie the collector set at
 * sign-in (HttpOnly: this code never sees it), so no token is kept in the browser. The answer is
 * returned whatever its status: sign-in reads its own refusals.
 */
export async function collectorFetch(path: string, init: OrganizerInit = {}): Promise<globalThis.Response> {
  const { json, headers, ...rest } = init;
  const endpoint = await readEndpoint();
  return await fetch(`${endpoint}${path}`, {
    credentials: "same-origin",
    ...rest,
    ...(json !== undefined && { body: JSON.stringify(json) }),
    headers: { ...(json !== undefined && { "Content-Type": "application/json" }), ...headers },
  });
}

/**
 * Every organizer request: 401/403 throw UnauthorizedError, any other refusal an ApiError with the
 * collector's code, message and problems.
 */
export async function organizerFetch(path: string, init: OrganizerInit = {}): Promise<globalThis.Response> {
  const response = await collectorFetch(path, init);
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}
