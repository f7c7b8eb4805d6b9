import "../domain/zod-config";
import { z } from "zod/mini";
import { Answer } from "../domain/response";
import { ReviewState } from "../domain/review";

export const FORM_STATUSES = ["awaiting", "agreed", "disputed"] as const;
export const FormStatus = z.enum(FORM_STATUSES);

/** One keying of a paper form, as the dispute view shows it beside the others. */
export const PaperKeying = z.object({
  id: z.string(),
  /** The login of the account that keyed it (staff identity: shown to staff, never exported). */
  keyedBy: z.string(),
  receivedAt: z.string(),
  surveyVersion: z.number().check(z.int()),
  state: ReviewState,
  reason: z.nullable(z.string()),
  answers: z.record(z.string(), Answer),
});
export type PaperKeying = z.infer<typeof PaperKeying>;

/**
 * GET /api/v1/surveys/:id/paper-forms?status=disputed|awaiting|agreed|all (data entry): the paper
 * forms and their keyings, by form number. `differing` names the questions whose keyings differ;
 * `sameKeyer` says one account keyed every keying (a team of one clerk: allowed, and shown).
 */
export const PaperFormList = z.object({
  surveyId: z.string(),
  forms: z.array(
    z.object({
      paperForm: z.string(),
      status: FormStatus,
      sameKeyer: z.boolean(),
      differing: z.array(z.string()),
      keyings: z.array(PaperKeying),
    }),
  ),
});
export type PaperFormList = z.infer<typeof PaperFormList>;
