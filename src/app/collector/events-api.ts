import { type Enrollment, enrollmentFragment } from "../../contract/enrollment";
import {
  DeviceEnrollment,
  EventList,
  type KioskEvent,
  KioskEvent as KioskEventSchema,
  type NewEventBody,
} from "../../contract/events";
import { readEndpoint } from "../device/settings";
import { apiErrorOf, UnauthorizedError } from "./dashboard-api";

/** Rides on the dashboard's session cookie (see dashboard-api.ts): no token in the browser. */
async function organizerRequest(
  path: string,
  init: { method?: "GET" | "POST"; body?: unknown } = {},
): Promise<unknown> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}${path}`, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: init.body !== undefined ? { "Content-Type": "application/json" } : {},
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    cache: "no-store",
  });
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  if (!response.ok) throw await apiErrorOf(response);
  return await response.json();
}

export async function listEvents(surveyId: string): Promise<KioskEvent[]> {
  const body = await organizerRequest(`/events?surveyId=${encodeURIComponent(surveyId)}`);
  return EventList.parse(body).events;
}

export async function createEvent(event: NewEventBody): Promise<KioskEvent> {
  return KioskEventSchema.parse(await organizerRequest("/events", { method: "POST", body: event }));
}

/**
 * Creates a kiosk device for the event and returns its enrollment link: this app's /enroll with
 * everything the tablet needs in the fragment, which no browser sends to any server.
 */
export async function createEnrollmentLink(
  event: KioskEvent,
  label: string,
): Promise<{ link: string; enrollment: Enrollment }> {
  const body = await organizerRequest(`/events/${encodeURIComponent(event.id)}/devices`, {
    method: "POST",
    body: { label },
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
