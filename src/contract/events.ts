import "../domain/zod-config";
import { z } from "zod/mini";
import { SurveyId } from "../domain/definition";
import { ShortId } from "../domain/response";

/**
 * The bodies of the organizer's event and kiosk-device routes (HTTP contract v1): an event is where
 * staff collect answers on shared tablets, a kiosk device is one tablet enrolled for one event.
 */
/**
 * A name staff type and read on screens, lists and CSV exports: one line of text. A control
 * character (NUL, a line break, an escape) has no place in it and would break a CSV row, a log line
 * or a database that refuses NUL (PostgreSQL's text), so it is refused, naming the field.
 */
const Name = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.maxLength(max),
    z.refine((text) => !/\p{Cc}/u.test(text), "must not contain control characters (NUL, line breaks, tabs)"),
  );

export const NewEventBody = z.strictObject({
  surveyId: SurveyId,
  name: Name(200),
  place: Name(200),
  /** The day of the event, YYYY-MM-DD (the ward's calendar day). */
  date: z.iso.date(),
});
export type NewEventBody = z.infer<typeof NewEventBody>;

export const KioskEvent = z.object({
  id: ShortId,
  surveyId: SurveyId,
  name: z.string(),
  place: z.string(),
  date: z.iso.date(),
  createdAt: z.string(),
  /**
   * When staff closed it (the event is over), null while open. A closed event takes no new tablet,
   * but its tablets keep sending what they hold: answers made before the close are never refused.
   */
  closedAt: z.nullable(z.string()),
});
export type KioskEvent = z.infer<typeof KioskEvent>;

/** An event as listed: with how many responses are stored for it (any review state). */
export const EventSummary = z.object({ ...KioskEvent.shape, responses: z.number() });
export type EventSummary = z.infer<typeof EventSummary>;

export const EventList = z.object({ events: z.array(EventSummary) });
export type EventList = z.infer<typeof EventList>;

/** PATCH /events/:id: what staff may change of an event; `closed` closes or reopens it. */
export const EventPatch = z
  .strictObject({
    name: z.optional(Name(200)),
    place: z.optional(Name(200)),
    date: z.optional(z.iso.date()),
    closed: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (p) => Object.values(p).some((v) => v !== undefined),
      "name at least one of name, place, date, closed",
    ),
  );
export type EventPatch = z.infer<typeof EventPatch>;

export const NewDeviceBody = z.strictObject({ label: Name(100) });
export type NewDeviceBody = z.infer<typeof NewDeviceBody>;

/** PATCH /devices/:id: a tablet's new label. */
export const DevicePatch = z.strictObject({ label: Name(100) });
export type DevicePatch = z.infer<typeof DevicePatch>;

export const KioskDevice = z.object({
  id: ShortId,
  label: z.string(),
  eventId: ShortId,
  createdAt: z.string(),
  /** When the organizer revoked its token; a revoked token is refused (401). */
  revokedAt: z.nullable(z.string()),
  /**
   * When the collector last took a request carrying its token, to the minute (it is written at most
   * once a minute per device); null before its first sync.
   */
  lastSyncAt: z.nullable(z.string()),
});
export type KioskDevice = z.infer<typeof KioskDevice>;

/** A device as listed: with how many responses it sent are stored (any review state). */
export const DeviceSummary = z.object({ ...KioskDevice.shape, responses: z.number() });
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** A device token: printable ASCII without spaces, so it fits an Authorization header as is. */
export const DeviceToken = z
  .string()
  .check(z.regex(/^[\x21-\x7e]{16,200}$/, "must be 16–200 printable characters"));

/** The answer to creating a device: the only time its token is ever shown (the collector keeps a hash). */
export const DeviceEnrollment = z.object({ device: KioskDevice, token: DeviceToken });
export type DeviceEnrollment = z.infer<typeof DeviceEnrollment>;

export const DeviceList = z.object({ devices: z.array(DeviceSummary) });
export type DeviceList = z.infer<typeof DeviceList>;
