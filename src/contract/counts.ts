import "../domain/zod-config";
import { z } from "zod";

/** GET /surveys/:id/counts: stored responses per Tokyo day, event, kiosk device and survey version. */
export const ResponseCounts = z.object({
  surveyId: z.string(),
  /** The fiscal year asked for, or null for every wave. */
  wave: z.number().int().nullable(),
  /** Oldest day first; only days with responses. */
  byDay: z.array(z.object({ day: z.iso.date(), n: z.number().int() })),
  /**
   * eventId null: responses from no event (self-completed ones); name when the event is known.
   * suppressed: n is null, as the tallies' by=event hides small events (below minCell, and those
   * whose count would give a hidden one back).
   */
  byEvent: z.array(
    z.object({
      eventId: z.string().nullable(),
      name: z.string().optional(),
      n: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  /** deviceId null: responses from no kiosk device; label when the device is enrolled here. */
  byDevice: z.array(
    z.object({
      deviceId: z.string().nullable(),
      label: z.string().optional(),
      n: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  /** Oldest version first. */
  byVersion: z.array(z.object({ version: z.number().int(), n: z.number().int() })),
});
export type ResponseCounts = z.infer<typeof ResponseCounts>;
