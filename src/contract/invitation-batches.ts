import "../domain/zod-config";
import { z } from "zod/mini";
import { SurveyId } from "../domain/definition";

/**
 * The bodies of the invitation routes (HTTP contract v1): a batch of codes for the letters of one
 * mailing, and the response rate of the mailed sample.
 */

/** At most this many codes a batch: a ward's sample is about 1,400; ten times that is a city's. */
export const MAX_BATCH_CODES = 20_000;

export const NewInvitationBatchBody = z.strictObject({
  /** The fiscal year (年度) the letters are for. */
  wave: z.number().check(z.int("must be a whole fiscal year such as 2025"), z.gte(2000), z.lte(2100)),
  count: z
    .number()
    .check(
      z.int("must be a whole number"),
      z.gte(1, "must be at least 1"),
      z.lte(MAX_BATCH_CODES, `must be at most ${MAX_BATCH_CODES}`),
    ),
  /** The part of the register the sample was drawn from, such as an area; one line of text. */
  stratum: z.optional(
    z.string().check(
      z.trim(),
      z.minLength(1, "must not be empty (leave it out instead)"),
      z.maxLength(100),
      z.refine((text) => !/[\p{Cc},"]/u.test(text), "must not contain control characters, commas or quotes"),
    ),
  ),
});
export type NewInvitationBatchBody = z.infer<typeof NewInvitationBatchBody>;

export const InvitationBatchCreated = z.object({ batchId: z.string(), count: z.number() });
export type InvitationBatchCreated = z.infer<typeof InvitationBatchCreated>;

export const InvitationBatch = z.object({
  id: z.string(),
  surveyId: SurveyId,
  wave: z.number(),
  stratum: z.nullable(z.string()),
  count: z.number(),
  createdAt: z.string(),
});
export type InvitationBatch = z.infer<typeof InvitationBatch>;

export const InvitationBatchList = z.object({ batches: z.array(InvitationBatch) });
export type InvitationBatchList = z.infer<typeof InvitationBatchList>;

/** Letters mailed and answers back, of a whole wave or one stratum. */
const RateCounts = {
  mailed: z.number(),
  /** Codes used by a response sent from a device (own phone or kiosk). */
  online: z.number(),
  /** Paper forms returned: of the wave, counted responses of mode "paper"; of a stratum, those that carried its code. */
  paper: z.number(),
  /** (online + paper) / mailed, as a percentage; null when nothing was mailed. */
  rate: z.nullable(z.number()),
};

export const ResponseRate = z.object({
  surveyId: SurveyId,
  wave: z.number(),
  ...RateCounts,
  /** Every counted response of the wave by its mode, invited or not (self, kiosk, paper). */
  byChannel: z.record(z.string(), z.number()),
  /** Per stratum of the wave's batches; null is the batches without one. */
  byStratum: z.array(z.object({ stratum: z.nullable(z.string()), ...RateCounts })),
});
export type ResponseRate = z.infer<typeof ResponseRate>;
