import { Hono } from "hono";
import {
  type DeviceEnrollment,
  type DeviceList,
  type EventList,
  type KioskDevice,
  type KioskEvent,
  NewDeviceBody,
  NewEventBody,
} from "../../contract/events";
import { uuidv7 } from "../../domain/uuid";
import { recordAudit } from "../audit/record";
import { requireRole, requireSurvey } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { parseSurveyId } from "../http/query-params";
import { readBody } from "../http/read-body";
import { hashDeviceToken, newDeviceToken } from "../kiosk/device-token";
import type { AuditStorage } from "../storage/audit-storage";
import type { EventStorage } from "../storage/event-storage";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Organizer routes for events and their kiosk devices. A device's token is in the answer that
 * creates it and nowhere else: the collector keeps only its sha256.
 */
export function eventRoutes(
  deps: DepsWith<EventStorage & Pick<AuditStorage, "appendAudit">, "surveys" | "organizerToken" | "now">,
): Hono {
  const now = () => (deps.now?.() ?? new Date()).toISOString();

  const eventOr404 = async (id: string): Promise<KioskEvent> => {
    const event = await deps.storage.getEvent(id);
    if (!event) throw new HttpProblem("event_not_found", `there is no event "${id}"`);
    return event;
  };

  return new Hono()
    .post("/events", requireRole("POST /events", deps), async (c) => {
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: NewEventBody,
        what: '{ "surveyId", "name", "place", "date": "YYYY-MM-DD" }',
      });
      requireSurvey(c, body.surveyId);
      if (!deps.surveys.latestOf(body.surveyId))
        throw new HttpProblem("survey_not_found", `there is no survey "${body.surveyId}"`);
      const event: KioskEvent = { id: uuidv7(), ...body, createdAt: now() };
      await deps.storage.insertEvent(event);
      await recordAudit(c, deps, "event_created", event.id, { surveyId: event.surveyId, name: event.name });
      return c.json(event, 201);
    })
    .get("/events", requireRole("GET /events", deps), async (c) => {
      const surveyId = parseSurveyId(c.req.query("surveyId"));
      return c.json({ events: await deps.storage.listEvents(surveyId) } satisfies EventList);
    })
    .post("/events/:id/devices", requireRole("POST /events/:id/devices", deps), async (c) => {
      const event = await eventOr404(c.req.param("id"));
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: NewDeviceBody,
        what: '{ "label" }',
      });
      const token = newDeviceToken();
      const device: KioskDevice = {
        id: uuidv7(),
        label: body.label,
        eventId: event.id,
        createdAt: now(),
        revokedAt: null,
      };
      await deps.storage.insertDevice(device, hashDeviceToken(token));
      await recordAudit(c, deps, "device_enrolled", device.id, { eventId: event.id, label: device.label });
      c.header("Cache-Control", "no-store");
      return c.json({ device, token } satisfies DeviceEnrollment, 201);
    })
    .get("/events/:id/devices", requireRole("GET /events/:id/devices", deps), async (c) => {
      const event = await eventOr404(c.req.param("id"));
      return c.json({ devices: await deps.storage.listDevices(event.id) } satisfies DeviceList);
    })
    .post("/devices/:id/revoke", requireRole("POST /devices/:id/revoke", deps), async (c) => {
      const id = c.req.param("id");
      const device = await deps.storage.revokeDevice(id, now());
      if (!device) throw new HttpProblem("device_not_found", `there is no device "${id}"`);
      await recordAudit(c, deps, "device_revoked", id, { eventId: device.eventId, label: device.label });
      return c.json(device);
    });
}
