import { type Enrollment, enrollmentFragment } from "../../contract/enrollment";
import {
  DeviceEnrollment,
  DeviceList,
  type DevicePatch,
  type DeviceSummary,
  EventList,
  type EventPatch,
  type EventSummary,
  KioskDevice,
  type KioskEvent,
  KioskEvent as KioskEventSchema,
  type NewEventBody,
} from "../../contract/events";
import { readEndpoint } from "../device/settings";
import { organizerFetch } from "./organizer-fetch";

/** The events' answers are never cached: a list must show the event just created. */
async function eventsRequest(
  path: string,
  init: { method?: "POST" | "PATCH"; json?: unknown } = {},
): Promise<unknown> {
  return await (await organizerFetch(path, { ...init, cache: "no-store" })).json();
}

const eventPath = (id: string) => `/events/${encodeURIComponent(id)}`;
const devicePath = (id: string) => `/devices/${encodeURIComponent(id)}`;

export async function listEvents(surveyId: string): Promise<EventSummary[]> {
  const body = await eventsRequest(`/events?surveyId=${encodeURIComponent(surveyId)}`);
  return EventList.parse(body).events;
}

/** Changes an event's fields, or closes (`closed: true`) or reopens it. */
export async function changeEvent(id: string, patch: EventPatch): Promise<KioskEvent> {
  return KioskEventSchema.parse(await eventsRequest(eventPath(id), { method: "PATCH", json: patch }));
}

/** Deletes an event that holds no responses (else ApiError `event_has_responses`); its tablets are revoked. */
export async function deleteEvent(id: string): Promise<void> {
  await organizerFetch(eventPath(id), { method: "DELETE", cache: "no-store" });
}

/** The event's tablets with their last sync, stored responses and revoked state. */
export async function listDevices(eventId: string): Promise<DeviceSummary[]> {
  return DeviceList.parse(await eventsRequest(`${eventPath(eventId)}/devices`)).devices;
}

export async function renameDevice(id: string, patch: DevicePatch): Promise<KioskDevice> {
  return KioskDevice.parse(await eventsRequest(devicePath(id), { method: "PATCH", json: patch }));
}

/** Revokes a tablet's token: the collector refuses it from now on, with whatever it still holds. */
export async function revokeDevice(id: string): Promise<KioskDevice> {
  return KioskDevice.parse(await eventsRequest(`${devicePath(id)}/revoke`, { method: "POST", json: {} }));
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
