import { Hono } from "hono";
import {
  type DeviceEnrollment,
  type DeviceList,
  DevicePatch,
  type EventList,
  EventPatch,
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
      const event: KioskEvent = { id: uuidv7(), ...body, createdAt: now(), closedAt: null };
      await deps.storage.insertEvent(event);
      await recordAudit(c, deps, "event_created", event.id, { surveyId: event.surveyId, name: event.name });
      return c.json(event, 201);
    })
    .get("/events", requireRole("GET /events", deps), async (c) => {
      const surveyId = parseSurveyId(c.req.query("surveyId"));
      return c.json({ events: await deps.storage.listEvents(surveyId) } satisfies EventList);
    })
    .patch("/events/:id", requireRole("PATCH /events/:id", deps), async (c) => {
      const id = c.req.param("id");
      const patch = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: EventPatch,
        what: '{ "name"?, "place"?, "date"?: "YYYY-MM-DD", "closed"?: true | false }',
      });
      const before = await eventOr404(id);
      const { closed, ...fields } = patch;
      // Closing again keeps the first close's time, as a second revoke keeps the first.
      const closedAt = closed === undefined ? undefined : closed ? (before.closedAt ?? now()) : null;
      const after = await deps.storage.changeEvent(id, {
        ...fields,
        ...(closedAt !== undefined && { closedAt }),
      });
      if (!after) throw new HttpProblem("event_not_found", `there is no event "${id}"`);
      await recordAudit(c, deps, "event_changed", id, {
        surveyId: after.surveyId,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      });
      return c.json(after);
    })
    .delete("/events/:id", requireRole("DELETE /events/:id", deps), async (c) => {
      const id = c.req.param("id");
      const event = await eventOr404(id);
      const deletion = await deps.storage.deleteEmptyEvent(id, now());
      if (!deletion) throw new HttpProblem("event_not_found", `there is no event "${id}"`);
      if (!deletion.deleted)
        throw new HttpProblem(
          "event_has_responses",
          `the event "${id}" holds ${deletion.responses} stored responses: it cannot be deleted (close it instead)`,
          [{ path: "responses", message: `${deletion.responses} stored responses name this event` }],
        );
      await recordAudit(c, deps, "event_deleted", id, {
        surveyId: event.surveyId,
        name: event.name,
        devicesRevoked: deletion.devicesRevoked,
      });
      return c.body(null, 204);
    })
    .post("/events/:id/devices", requireRole("POST /events/:id/devices", deps), async (c) => {
      const event = await eventOr404(c.req.param("id"));
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: NewDeviceBody,
        what: '{ "label" }',
      });
      // Staff close an event when it is over: its tablets still send what they hold, but none joins.
      if (event.closedAt !== null)
        throw new HttpProblem("event_closed", `the event "${event.id}" is closed: reopen it to add a tablet`);
      const token = newDeviceToken();
      const device: KioskDevice = {
        id: uuidv7(),
        label: body.label,
        eventId: event.id,
        createdAt: now(),
        revokedAt: null,
        lastSyncAt: null,
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
    })
    .patch("/devices/:id", requireRole("PATCH /devices/:id", deps), async (c) => {
      const id = c.req.param("id");
      const body = await readBody(c, { maxBytes: MAX_BODY_BYTES, schema: DevicePatch, what: '{ "label" }' });
      const device = await deps.storage.renameDevice(id, body.label);
      if (!device) throw new HttpProblem("device_not_found", `there is no device "${id}"`);
      await recordAudit(c, deps, "device_renamed", id, { eventId: device.eventId, label: device.label });
      return c.json(device);
    });
}
