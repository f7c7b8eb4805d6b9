import "../domain/zod-config";
import { z } from "zod";
import { Interval } from "./tallies";

/** GET /surveys/:id/choices: the share choosing each option, over the respondents who answered. */
export const ChoiceShares = z.object({
  surveyId: z.string(),
  wave: z.number().int().nullable(),
  questionId: z.string(),
  /** Responses that saw the question and ticked at least one option: the base of every share. */
  respondents: z.number().int(),
  options: z.array(
    z.object({
      optionId: z.string(),
      n: z.number().int(),
      positive: z.number().int(),
      percent: z.number().nullable(),
      ci95: Interval.nullable(),
    }),
  ),
});
export type ChoiceShares = z.infer<typeof ChoiceShares>;
