import "./zod-config";
import { z } from "zod";
import { QuestionId, SurveyId } from "./definition";

/** UUIDv7: made on the device at submit; the collector's idempotency key. */
export const ResponseId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    "must be a lower-case UUIDv7",
  );

/** An option id (single choice), option ids (multiple choice), a string (text) or a number. */
export const Answer = z.union([
  z.string().max(4000),
  z.array(z.string().max(64)).max(100),
  z.number().finite(),
]);
export type Answer = z.infer<typeof Answer>;

/** Ids of events and kiosk devices: safe in a URL, a CSV cell and a file name. */
export const ShortId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, _ or -");

export const Response = z.strictObject({
  id: ResponseId,
  surveyId: SurveyId,
  surveyVersion: z.number().int().min(1),
  submittedAt: z.iso.datetime({ offset: true }),
  // A BCP 47 shape (language, then subtags), which also keeps NUL and markup out of the column.
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as ja or zh-Hans"),
  mode: z.enum(["self", "kiosk"]),
  eventId: ShortId.optional(),
  deviceId: ShortId.optional(),
  // A null-prototype record keeps "__proto__" or "constructor" keys from touching Object.prototype.
  answers: z.record(QuestionId, Answer),
});
export type Response = z.infer<typeof Response>;
export type Answers = Response["answers"];
