import "./zod-config";
import { z } from "zod/mini";
import { QuestionId, SurveyId } from "./definition";
import { CODE_ALPHABET, CODE_LENGTH } from "./invitation-code";

/** UUIDv7: made on the device at submit; the collector's idempotency key. */
export const ResponseId = z
  .string()
  .check(
    z.regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      "must be a lower-case UUIDv7",
    ),
  );

/** An option id (single choice), option ids (multiple choice), a string (text) or a number. */
export const Answer = z.union([
  z.string().check(z.maxLength(4000)),
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(100)),
  z.number(),
]);
export type Answer = z.infer<typeof Answer>;

/** Ids of events and kiosk devices: safe in a URL, a CSV cell and a file name. */
export const ShortId = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, _ or -"));

/**
 * The number staff write on a returned paper form: what ties its two keyings together. Letters,
 * digits and "-", so it is safe in a URL and a CSV cell, and "0001" stays "0001" (never a number).
 */
export const PaperFormNumber = z
  .string()
  .check(z.minLength(1), z.maxLength(16), z.regex(/^[A-Za-z0-9-]+$/, "must be letters, digits or -"));

export const Response = z.strictObject({
  id: ResponseId,
  surveyId: SurveyId,
  surveyVersion: z.number().check(z.int(), z.gte(1)),
  submittedAt: z.iso.datetime({ offset: true }),
  // A BCP 47 shape (language, then subtags), which also keeps NUL and markup out of the column.
  locale: z
    .string()
    .check(
      z.maxLength(35),
      z.regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as ja or zh-Hans"),
    ),
  mode: z.enum(["self", "kiosk", "paper"]),
  eventId: z.optional(ShortId),
  deviceId: z.optional(ShortId),
  /** A paper keying's form number, as staff wrote it on the returned form ("0001"). */
  paperForm: z.optional(PaperFormNumber),
  /**
   * The code of a mailed letter, in its normal form (parseInvitationCode): the collector checks it,
   * marks it used and drops it; it is never stored with the response (DESIGN.md).
   */
  invitation: z.optional(
    z
      .string()
      .check(
        z.regex(
          new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`),
          `must be ${CODE_LENGTH} characters of ${CODE_ALPHABET}, without dashes`,
        ),
      ),
  ),
  // A null-prototype record keeps "__proto__" or "constructor" keys from touching Object.prototype.
  answers: z.record(QuestionId, Answer),
});
export type Response = z.infer<typeof Response>;
export type Answers = Response["answers"];
