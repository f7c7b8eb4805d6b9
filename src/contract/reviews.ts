import "../domain/zod-config";
import { z } from "zod/mini";
import { ResponseId } from "../domain/response";
import { ReviewState } from "../domain/review";

/**
 * POST /api/v1/surveys/:id/reviews: move responses to a review state, either by id or by what they
 * are now (every held response of a reason and wave). The reason says why, for the next analyst.
 */
export const ReviewBody = z
  .strictObject({
    ids: z.optional(z.array(ResponseId).check(z.minLength(1), z.maxLength(10_000))),
    filter: z.optional(
      z.strictObject({
        state: ReviewState,
        reason: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
        wave: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2200))),
      }),
    ),
    state: ReviewState,
    reason: z.string().check(
      z.trim(),
      z.minLength(1, "say why"),
      z.maxLength(200),
      z.refine((text) => !/\p{Cc}/u.test(text), "must not contain control characters"),
    ),
  })
  .check(
    z.refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
      message: "give either ids or a filter, not both",
      path: ["ids"],
    }),
  );
export type ReviewBody = z.infer<typeof ReviewBody>;

export const ReviewResult = z.object({ changed: z.number().check(z.int(), z.gte(0)) });
export type ReviewResult = z.infer<typeof ReviewResult>;

/** GET /api/v1/surveys/:id/reviews: what is not counted, by state, reason and wave. */
export const ReviewSummary = z.object({
  surveyId: z.string(),
  groups: z.array(
    z.object({
      state: ReviewState,
      reason: z.nullable(z.string()),
      wave: z.number().check(z.int()),
      n: z.number().check(z.int()),
    }),
  ),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;
