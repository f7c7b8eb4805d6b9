import "../domain/zod-config";
import { z } from "zod/mini";
import { QuestionId, SurveyId } from "../domain/definition";
import { Answer } from "../domain/response";

/**
 * A half-answered survey, kept so that a reload, a closed tab or a flat battery does not cost the
 * respondent their answers. One per survey: the device holds at most one form in progress each.
 * What is written; a read is checked again, and a damaged draft is dropped rather than resumed.
 */
export const Draft = z.object({
  surveyId: SurveyId,
  /** Answers written for another version of the definition are not resumed into this one. */
  surveyVersion: z.number().check(z.int(), z.gte(1)),
  answers: z.record(QuestionId, Answer),
  /** Where to resume: a question by id (skip logic changes indices), or the review. */
  screen: z.union([
    z.strictObject({ kind: z.literal("question"), questionId: QuestionId }),
    z.strictObject({ kind: z.literal("review") }),
  ]),
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof Draft>;

export function decodeDraft(raw: unknown): Draft | undefined {
  const parsed = Draft.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
