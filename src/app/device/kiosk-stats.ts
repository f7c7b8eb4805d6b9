import type { SurveyDefinition } from "../../domain/definition";
import { type EventIndicatorTally, tallyResponses } from "../../domain/event-tally";
import type { Response } from "../../domain/response";
import type { KioskState } from "./kiosk";
import { getOutbox } from "./outbox";

/** What the staff panel shows about the responses on this device. */
export interface KioskStats {
  /** On the device, not yet acknowledged by the collector. */
  waiting: number;
  /** Refused or in conflict: kept, to be checked. */
  held: number;
  sent: number;
  /** This event's responses submitted today (the device's calendar day). */
  today: number;
  /** This event's responses on the device, whatever their state. */
  eventTotal: number;
  tally: EventIndicatorTally[];
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * Counts from the outbox itself, offline. The tally takes the event's responses that were saved
 * and not refused: those the collector has or will have, so the two tallies agree.
 */
export async function kioskStats(
  kiosk: KioskState,
  def: SurveyDefinition,
  now = new Date(),
): Promise<KioskStats> {
  const records = await (await getOutbox()).list();
  const ofEvent = records.filter((r) => !r.corrupt && r.response.eventId === kiosk.eventId);
  const counted: Response[] = ofEvent
    .filter((r) => r.state === "pending" || r.state === "sent")
    .map((r) => r.response);
  return {
    waiting: records.filter((r) => r.state === "pending").length,
    held: records.filter((r) => r.state === "rejected" || r.state === "conflict").length,
    sent: records.filter((r) => r.state === "sent").length,
    today: ofEvent.filter((r) => sameDay(new Date(r.response.submittedAt), now)).length,
    eventTotal: ofEvent.length,
    tally: tallyResponses(def, counted),
  };
}
