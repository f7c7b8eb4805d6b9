import "./zod-config";
import { z } from "zod";
import { fiscalYear } from "./fiscal-year";
import { ResponseId } from "./response";

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

/**
 * POST /api/v1/surveys/:id/reviews: move responses to a review state, either by id or by what they
 * are now (every held response of a reason and wave). The reason says why, for the next analyst.
 */
export const ReviewBody = z
  .strictObject({
    ids: z.array(ResponseId).min(1).max(10_000).optional(),
    filter: z
      .strictObject({
        state: ReviewState,
        reason: z.string().min(1).max(64).optional(),
        wave: z.number().int().min(2000).max(2200).optional(),
      })
      .optional(),
    state: ReviewState,
    reason: z
      .string()
      .trim()
      .min(1, "say why")
      .max(200)
      .refine((text) => !/\p{Cc}/u.test(text), "must not contain control characters"),
  })
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
    message: "give either ids or a filter, not both",
    path: ["ids"],
  });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const ReviewResult = z.object({ changed: z.number().int().min(0) });
export type ReviewResult = z.infer<typeof ReviewResult>;

/** GET /api/v1/surveys/:id/reviews: what is not counted, by state, reason and wave. */
export const ReviewSummary = z.object({
  surveyId: z.string(),
  groups: z.array(
    z.object({
      state: ReviewState,
      reason: z.string().nullable(),
      wave: z.number().int(),
      n: z.number().int(),
    }),
  ),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;
