import "../domain/zod-config";
import { z } from "zod/mini";
import { OptionShare } from "../domain/choice-shares";

/** GET /surveys/:id/choices: the share choosing each option, over the respondents who answered. */
export const ChoiceShares = z.object({
  surveyId: z.string(),
  wave: z.nullable(z.number().check(z.int())),
  questionId: z.string(),
  /** Responses that saw the question and ticked at least one option: the base of every share. */
  respondents: z.number().check(z.int()),
  options: z.array(OptionShare),
});
export type ChoiceShares = z.infer<typeof ChoiceShares>;
