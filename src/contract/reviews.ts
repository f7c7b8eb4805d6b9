import "../domain/zod-config";
import { z } from "zod/mini";
import { ResponseId, ShortId } from "../domain/response";
import { ReviewState } from "../domain/review";

/**
 * Which responses a review moves, by what they are: their state (and reason), wave, event, kiosk
 * device, channel (mode) or the time they were answered (submittedAt from `from`, before `to`).
 * At least one: an empty filter would move every response of the survey.
 */
export const ReviewFilter = z
  .strictObject({
    state: z.optional(ReviewState),
    reason: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    wave: z.optional(z.number().check(z.int(), z.gte(2000), z.lte(2200))),
    eventId: z.optional(ShortId),
    deviceId: z.optional(ShortId),
    mode: z.optional(z.enum(["self", "kiosk", "paper"])),
    from: z.optional(z.iso.datetime({ offset: true })),
    to: z.optional(z.iso.datetime({ offset: true })),
  })
  .check(
    z.refine(
      (filter) => Object.keys(filter).length > 0,
      "name at least one of state, reason, wave, eventId, deviceId, mode, from, to",
    ),
    z.refine((filter) => !filter.from || !filter.to || Date.parse(filter.from) < Date.parse(filter.to), {
      message: "from must be before to",
      path: ["to"],
    }),
  );
export type ReviewFilter = z.infer<typeof ReviewFilter>;

const Text = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine(
      // A note may run over lines; other control characters break CSV cells and the log's reader.
      (text) => !/\p{Cc}/u.test(text.replaceAll("\n", "")),
      "must not contain control characters",
    ),
  );

/**
 * POST /api/v1/surveys/:id/reviews: move responses to a review state, either by id or by a filter.
 * The reason says why, for the next analyst (the dashboard offers test, duplicate person, invalid
 * and other); the note, optional, says more. Both go to the audit log with the change's id, by
 * which it can be undone.
 */
export const ReviewBody = z
  .strictObject({
    ids: z.optional(z.array(ResponseId).check(z.minLength(1), z.maxLength(10_000))),
    filter: z.optional(ReviewFilter),
    state: ReviewState,
    reason: z.string().check(
      z.trim(),
      z.minLength(1, "say why"),
      z.maxLength(200),
      z.refine((text) => !/\p{Cc}/u.test(text), "must not contain control characters"),
    ),
    note: z.optional(Text(1000)),
  })
  .check(
    z.refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
      message: "give either ids or a filter, not both",
      path: ["ids"],
    }),
  );
export type ReviewBody = z.infer<typeof ReviewBody>;

/**
 * How many responses changed, and the change's id (POST …/reviews/:changeId/undo puts them back);
 * no id when nothing changed. `matched` counts what the ids or filter named, changed or not.
 */
export const ReviewResult = z.object({
  changed: z.number().check(z.int(), z.gte(0)),
  matched: z.optional(z.number().check(z.int(), z.gte(0))),
  changeId: z.optional(z.string()),
});
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
  /** The latest review changes, newest first, each undoable until undone. */
  changes: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.nullable(z.string()),
      reason: z.string(),
      /** How many responses it moved. */
      n: z.number().check(z.int()),
      undoes: z.nullable(z.string()),
      undoneBy: z.nullable(z.string()),
    }),
  ),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** POST /api/v1/surveys/:id/reviews/:changeId/undo: why the change is undone (for the audit log). */
export const UndoBody = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1, "say why"), z.maxLength(200)),
});
export type UndoBody = z.infer<typeof UndoBody>;
