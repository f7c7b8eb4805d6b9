import "../domain/zod-config";
import { z } from "zod/mini";
import { Count } from "../domain/tally";

const wave = z.number().check(z.int());

/** GET /surveys/:id/counts: stored responses per Tokyo day, event, kiosk device and survey version. */
export const ResponseCounts = z.object({
  surveyId: z.string(),
  /** The fiscal year asked for, or null for every wave. */
  wave: z.nullable(wave),
  /** Oldest day first; only days with responses. */
  byDay: z.array(z.object({ day: z.iso.date(), n: Count })),
  /**
   * eventId null: responses from no event (self-completed ones); name when the event is known.
   * suppressed: n is null, as the tallies' by=event hides small events (below minCell, and those
   * whose count would give a hidden one back).
   */
  byEvent: z.array(
    z.object({
      eventId: z.nullable(z.string()),
      name: z.optional(z.string()),
      n: z.nullable(Count),
      suppressed: z.boolean(),
    }),
  ),
  /** deviceId null: responses from no kiosk device; label when the device is enrolled here. */
  byDevice: z.array(
    z.object({
      deviceId: z.nullable(z.string()),
      label: z.optional(z.string()),
      n: z.nullable(Count),
      suppressed: z.boolean(),
    }),
  ),
  /** Oldest version first. */
  byVersion: z.array(z.object({ version: z.number().check(z.int()), n: Count })),
});
export type ResponseCounts = z.infer<typeof ResponseCounts>;
