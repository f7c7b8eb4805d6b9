import {
  DeviceEnrollment,
  ErrorBody,
  EventList,
  type KioskEvent,
  KioskEvent as KioskEventSchema,
  type NewEventBody,
} from "../../survey";
import { type Enrollment, enrollmentFragment } from "../../survey/enrollment";
import { ApiError, UnauthorizedError } from "./dashboard-api";
import { readEndpoint } from "./settings";

async function organizerRequest(
  path: string,
  token: string,
  init: { method?: "GET" | "POST"; body?: unknown } = {},
): Promise<unknown> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}${path}`, {
    method: init.method ?? "GET",
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body !== undefined && { "Content-Type": "application/json" }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    cache: "no-store",
  });
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    throw new ApiError(error.success ? error.data.error.message : `HTTP ${response.status}`);
  }
  return body;
}

export async function listEvents(token: string, surveyId: string): Promise<KioskEvent[]> {
  const body = await organizerRequest(`/events?surveyId=${encodeURIComponent(surveyId)}`, token);
  return EventList.parse(body).events;
}

export async function createEvent(token: string, event: NewEventBody): Promise<KioskEvent> {
  return KioskEventSchema.parse(await organizerRequest("/events", token, { method: "POST", body: event }));
}

/**
 * Creates a kiosk device for the event and returns its enrollment link: this app's /enroll with
 * everything the tablet needs in the fragment, which no browser sends to any server.
 */
export async function createEnrollmentLink(
  token: string,
  event: KioskEvent,
  label: string,
): Promise<{ link: string; enrollment: Enrollment }> {
  const body = await organizerRequest(`/events/${encodeURIComponent(event.id)}/devices`, token, {
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
