/** Retry timing: pure functions of the attempt number, a random source and the clock. */
export const BACKOFF_BASE_MS = 2_000;
/** While the page is visible a returning collector is noticed within a minute (DESIGN.md). */
export const BACKOFF_CAP_VISIBLE_MS = 60_000;
/** A hidden page retries less often: it drains the battery and Background Sync covers it. */
export const BACKOFF_CAP_HIDDEN_MS = 300_000;
/** Full jitter can draw ~0; a floor keeps a failing endpoint from being hit in a tight loop. */
export const BACKOFF_MIN_MS = 500;
/** A Retry-After is honoured, but one of hours must not silence the device for hours. */
export const RETRY_AFTER_MAX_MS = 300_000;

/**
 * "Full jitter" (AWS Architecture Blog, 2015): a uniform draw in [0, min(cap, base·2^attempt)),
 * which spreads a room of tablets coming back online instead of having them retry in step.
 * `attempt` counts failures before this one, from 0.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  capMs: number = BACKOFF_CAP_VISIBLE_MS,
  baseMs: number = BACKOFF_BASE_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const draw = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.max(BACKOFF_MIN_MS, Math.floor(draw * ceiling));
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse also reads things that are not HTTP dates ("1.5"); demand a day-name-like shape.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait after a failure: the server's Retry-After when given (bounded), else the jittered backoff. */
export function retryDelay(
  attempt: number,
  random: () => number,
  capMs: number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, BACKOFF_MIN_MS), RETRY_AFTER_MAX_MS);
  return backoffDelay(attempt, random, capMs);
}
