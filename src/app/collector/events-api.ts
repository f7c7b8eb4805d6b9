import { type Enrollment, enrollmentFragment } from "../../contract/enrollment";
import {
  DeviceEnrollment,
  EventList,
  type KioskEvent,
  KioskEvent as KioskEventSchema,
  type NewEventBody,
} from "../../contract/events";
import { readEndpoint } from "../device/settings";
import { organizerFetch } from "./organizer-fetch";

/** The events' answers are never cached: a list must show the event just created. */
async function eventsRequest(path: string, init: { method?: "POST"; json?: unknown } = {}): Promise<unknown> {
  return await (await organizerFetch(path, { ...init, cache: "no-store" })).json();
}

export async function listEvents(surveyId: string): Promise<KioskEvent[]> {
  const body = await eventsRequest(`/events?surveyId=${encodeURIComponent(surveyId)}`);
  return EventList.parse(body).events;
}

export async function createEvent(event: NewEventBody): Promise<KioskEvent> {
  return KioskEventSchema.parse(await eventsRequest("/events", { method: "POST", json: event }));
}

/**
 * Creates a kiosk device for the event and returns its enrollment link: this app's /enroll with
 * everything the tablet needs in the fragment, which no browser sends to any server.
 */
export async function createEnrollmentLink(
  event: KioskEvent,
  label: string,
): Promise<{ link: string; enrollment: Enrollment }> {
  const body = await eventsRequest(`/events/${encodeURIComponent(event.id)}/devices`, {
    method: "POST",
    json: { label },
  });
  const { device, token: deviceToken } = DeviceEnrollment.parse(body);
  const enrollment: Enrollment = {
    endpoint: await readEndpoint(),
    token: deviceToken,
    deviceId: device.id,
    eventId: event.id,
    surveyId: event.surveyId,
    eventName: event.name,
  };
  return { link: `${window.location.origin}/enroll#${enrollmentFragment(enrollment)}`, enrollment };
}
