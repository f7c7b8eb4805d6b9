import "./zod-config";
import { z } from "zod/mini";
import { fiscalYear } from "./fiscal-year";

/**
 * A stored response's review state: only `counted` responses are tallied, counted and exported.
 * `held` waits for an analyst (released to counted, or excluded); `excluded` is kept but never
 * counted (test answers typed in training, a known fake).
 */
export const ReviewState = z.enum(["counted", "held", "excluded"]);
export type ReviewState = z.infer<typeof ReviewState>;

/**
 * Why the collector held a response on arrival: `burst`, its source sent more than a household or
 * the busiest honest kiosk does in an hour; `clock`, its submittedAt cannot be true (after the
 * collector's clock plus a day, or before its survey version was published).
 */
export const HoldReason = z.enum(["burst", "clock"]);
export type HoldReason = z.infer<typeof HoldReason>;

/** A device clock may run ahead of the collector's by this much before its answers are held. */
export const CLOCK_SKEW_ALLOWED_MS = 24 * 3600_000;

/**
 * Before this no answer can be true whatever the version says: the first fiscal year of Reiwa,
 * the era the dashboard names waves in (令和元年度 = FY2019), and years before the app existed.
 */
export const EARLIEST_SUBMITTED_AT = "2019-04-01T00:00:00+09:00";

/** Whether a device's submittedAt can be believed: not after now plus a day, not before `notBefore`. */
export function isPlausibleSubmittedAt(submittedAt: string, now: Date, notBefore?: string): boolean {
  const at = Date.parse(submittedAt);
  if (Number.isNaN(at)) return false;
  if (at > now.getTime() + CLOCK_SKEW_ALLOWED_MS) return false;
  const floor = Math.max(Date.parse(EARLIEST_SUBMITTED_AT), notBefore ? Date.parse(notBefore) : -Infinity);
  return at >= floor;
}

/**
 * The wave a response is counted in: its submittedAt's fiscal year when that can be believed, else
 * the fiscal year it arrived in, so a wrong clock never makes a wave of its own.
 */
export function waveOf(submittedAt: string, receivedAt: Date, notBefore?: string): number {
  return isPlausibleSubmittedAt(submittedAt, receivedAt, notBefore)
    ? fiscalYear(submittedAt)
    : fiscalYear(receivedAt);
}
