import "../domain/zod-config";
import { z } from "zod";
import { ResponseId } from "../domain/response";
import { ReviewState } from "../domain/review";

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
