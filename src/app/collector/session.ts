import { SessionState, type SignInBody } from "../../contract/session";
import { apiErrorOf, collectorFetch, organizerFetch, UnauthorizedError } from "./organizer-fetch";

/** 429 at sign-in: too many wrong tokens from this browser; wait `retryAfter` seconds. */
export class TooManySignInsError extends Error {
  override name = "TooManySignInsError";
  constructor(readonly retryAfter: number) {
    super(`retry after ${retryAfter} s`);
  }
}

/**
 * Signs in with an account's login and password, or with the organizer token (before the first
 * admin account exists); throws UnauthorizedError or TooManySignInsError.
 */
export async function signIn(body: SignInBody): Promise<void> {
  const response = await collectorFetch("/session", { method: "POST", json: body });
  if (response.status === 429)
    throw new TooManySignInsError(Number(response.headers.get("Retry-After")) || 1);
  if (response.status === 401) throw new UnauthorizedError(`HTTP ${response.status}`);
  // Anything else (a cross-site refusal, a collector that failed) is not a wrong token: said as it is.
  if (!response.ok) throw await apiErrorOf(response);
}

export async function signOut(): Promise<void> {
  await collectorFetch("/session", { method: "DELETE" });
}

/** Whether this browser holds a live session, and as which account (none: the organizer token's). */
export async function sessionState(): Promise<SessionState> {
  const response = await organizerFetch("/session", { cache: "no-store" });
  return SessionState.parse(await response.json());
}
