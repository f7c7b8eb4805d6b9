import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { AuditEntry } from "../../src/contract/audit";
import { writeBackup } from "../../src/contract/backup";
import { ErrorBody } from "../../src/contract/errors";
import { DeviceEnrollment, DeviceList, EventList, KioskDevice, KioskEvent } from "../../src/contract/events";
import { ImportSummary } from "../../src/contract/imports";
import { ResponsesResult } from "../../src/contract/responses";
import { createApp } from "../../src/server/app";
import type { Storage } from "../../src/server/storage";
import {
  describeEachStorage,
  fixtureSurveys,
  makeResponse,
  organizer,
  postJson,
  SURVEY,
  TOKEN,
} from "./support";

/** Issue 22 part 4: events edited, closed and deleted, tablets renamed, their syncs and counts. */
describeEachStorage("events and tablets managed", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  // The collector's clock, moved by the tests (a tablet's last sync is noted at most once a minute).
  let clock = new Date("2026-09-01T01:00:00.000Z");
  beforeEach(async () => {
    clock = new Date("2026-09-01T01:00:00.000Z");
    const opened = await variant.open();
    await opened.storage.migrate();
    storage = opened.storage;
    dispose = opened.dispose;
    app = createApp({
      storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      now: () => clock,
    });
  });
  afterEach(async () => dispose());

  const newEvent = { surveyId: SURVEY, name: "防災訓練", place: "北小学校", date: "2026-09-01" };
  const send = (method: string, path: string, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: { ...organizer, ...(body !== undefined && { "Content-Type": "application/json" }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const createEvent = async () => KioskEvent.parse(await (await send("POST", "/events", newEvent)).json());
  const createDevice = async (eventId: string, label = "受付") => {
    const res = await send("POST", `/events/${eventId}/devices`, { label });
    expect(res.status).toBe(201);
    return DeviceEnrollment.parse(await res.json());
  };
  const sendAs = (token: string, responses: unknown[]) =>
    app.request("/api/v1/responses", postJson({ responses }, { Authorization: `Bearer ${token}` }));
  const kioskResponse = (eventId: string, deviceId: string) =>
    makeResponse({ mode: "kiosk", eventId, deviceId, submittedAt: "2026-09-01T00:30:00.000Z" });
  const devices = async (eventId: string) =>
    DeviceList.parse(await (await send("GET", `/events/${eventId}/devices`)).json()).devices;
  const events = async () =>
    EventList.parse(await (await send("GET", `/events?surveyId=${SURVEY}`)).json()).events;
  const audit = async (action: AuditEntry["action"]) =>
    (await storage.auditEntries({ limit: 100 })).filter((e) => e.action === action);

  it("changes an event's name, place and day, and writes what changed to the audit log", async () => {
    const event = await createEvent();
    const res = await send("PATCH", `/events/${event.id}`, { name: "秋の防災訓練", date: "2026-10-04" });
    expect(res.status).toBe(200);
    const changed = KioskEvent.parse(await res.json());
    expect(changed).toEqual({ ...event, name: "秋の防災訓練", date: "2026-10-04" });
    expect((await events()).map((e) => [e.name, e.place, e.date])).toEqual([
      ["秋の防災訓練", "北小学校", "2026-10-04"],
    ]);
    const [entry] = await audit("event_changed");
    expect(entry).toMatchObject({
      actor: "organizer-token",
      target: event.id,
      detail: { surveyId: SURVEY, name: "秋の防災訓練", date: "2026-10-04" },
    });
  });

  it("refuses a bad or empty change, naming the field, and an unknown event", async () => {
    const event = await createEvent();
    const bad = await send("PATCH", `/events/${event.id}`, { name: " ", date: "2026/10/04", surveyId: "x" });
    expect(bad.status).toBe(400);
    const body = ErrorBody.parse(await bad.json());
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.problems?.map((p) => p.path).sort()).toEqual(["(root)", "date", "name"]);
    const empty = await send("PATCH", `/events/${event.id}`, {});
    expect(empty.status).toBe(400);
    expect(ErrorBody.parse(await empty.json()).error.message).toMatch(/name at least one of/);
    const missing = await send("PATCH", "/events/nope", { closed: true });
    expect(missing.status).toBe(404);
    expect(ErrorBody.parse(await missing.json()).error.code).toBe("event_not_found");
    expect(await storage.getEvent(event.id)).toEqual(event);
    expect(await audit("event_changed")).toEqual([]);
  });

  it("closes an event: no new tablet joins, its tablets still send what they hold; reopening lets one join", async () => {
    const event = await createEvent();
    const { device, token } = await createDevice(event.id);
    const closed = KioskEvent.parse(
      await (await send("PATCH", `/events/${event.id}`, { closed: true })).json(),
    );
    expect(closed.closedAt).toBe(clock.toISOString());
    // Closing again keeps the first close's time.
    clock = new Date(clock.getTime() + 3_600_000);
    const again = KioskEvent.parse(
      await (await send("PATCH", `/events/${event.id}`, { closed: true })).json(),
    );
    expect(again.closedAt).toBe(closed.closedAt);
    expect((await events())[0]?.closedAt).toBe(closed.closedAt);

    const refused = await send("POST", `/events/${event.id}/devices`, { label: "追加" });
    expect(refused.status).toBe(409);
    expect(ErrorBody.parse(await refused.json()).error.code).toBe("event_closed");
    expect(await devices(event.id)).toHaveLength(1);

    // An answer made on the tablet before the close and synced after it is taken.
    const held = kioskResponse(event.id, device.id);
    const res = await sendAs(token, [held]);
    expect(ResponsesResult.parse(await res.json()).results).toEqual([{ id: held.id, status: "accepted" }]);

    const reopened = KioskEvent.parse(
      await (await send("PATCH", `/events/${event.id}`, { closed: false })).json(),
    );
    expect(reopened.closedAt).toBeNull();
    await createDevice(event.id, "追加");
    expect((await audit("event_changed")).map((e) => e.detail.closed)).toEqual([false, true, true]);
  });

  it("deletes an empty event, revoking its tablets, and audits it", async () => {
    const event = await createEvent();
    const a = await createDevice(event.id, "A");
    await createDevice(event.id, "B");
    await send("POST", `/devices/${a.device.id}/revoke`, {});
    const res = await send("DELETE", `/events/${event.id}`);
    expect(res.status).toBe(204);
    expect(await events()).toEqual([]);
    expect((await send("GET", `/events/${event.id}/devices`)).status).toBe(404);
    expect((await send("PATCH", `/events/${event.id}`, { closed: true })).status).toBe(404);
    expect((await send("DELETE", `/events/${event.id}`)).status).toBe(404);
    // Its tablets' tokens are refused.
    const b = (await storage.listDevices(event.id)).find((d) => d.label === "B");
    expect(b?.revokedAt).not.toBeNull();
    expect((await sendAs(a.token, [kioskResponse(event.id, a.device.id)])).status).toBe(401);
    const [entry] = await audit("event_deleted");
    expect(entry).toMatchObject({ target: event.id, detail: { name: "防災訓練", devicesRevoked: 1 } });
  });

  it("refuses to delete an event that holds responses, saying how many, and changes nothing", async () => {
    const event = await createEvent();
    const { device, token } = await createDevice(event.id);
    const sent = [kioskResponse(event.id, device.id), kioskResponse(event.id, device.id)];
    await sendAs(token, sent);
    const res = await send("DELETE", `/events/${event.id}`);
    expect(res.status).toBe(409);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe("event_has_responses");
    expect(body.error.message).toMatch(/holds 2 stored responses/);
    expect(body.error.problems).toEqual([
      { path: "responses", message: "2 stored responses name this event" },
    ]);
    // The tablets' revocation rolled back with the refusal: the tablet still sends.
    expect((await devices(event.id))[0]).toMatchObject({ revokedAt: null, responses: 2 });
    const third = kioskResponse(event.id, device.id);
    expect(ResponsesResult.parse(await (await sendAs(token, [third])).json()).results[0]?.status).toBe(
      "accepted",
    );
    expect((await events())[0]?.responses).toBe(3);
    expect(await audit("event_deleted")).toEqual([]);
  });

  it("takes a revoked tablet's unsent answers from its backup file, imported by staff, and lists them under it", async () => {
    const event = await createEvent();
    const { device, token } = await createDevice(event.id);
    await send("POST", `/devices/${device.id}/revoke`, {});
    const unsent = kioskResponse(event.id, device.id);
    expect((await sendAs(token, [unsent])).status).toBe(401);
    const file = await writeBackup([{ response: unsent, state: "pending" }], { deviceId: device.id });
    const res = await send("POST", "/imports", file);
    expect(res.status).toBe(200);
    expect(ImportSummary.parse(await res.json()).accepted).toBe(1);
    expect((await devices(event.id))[0]).toMatchObject({ responses: 1 });
  });

  it("renames a tablet, audited, refusing a bad label and an unknown tablet", async () => {
    const event = await createEvent();
    const { device } = await createDevice(event.id);
    const res = await send("PATCH", `/devices/${device.id}`, { label: "出口タブレット" });
    expect(res.status).toBe(200);
    expect(KioskDevice.parse(await res.json())).toEqual({ ...device, label: "出口タブレット" });
    expect((await devices(event.id))[0]?.label).toBe("出口タブレット");
    const [entry] = await audit("device_renamed");
    expect(entry).toMatchObject({
      target: device.id,
      detail: { eventId: event.id, label: "出口タブレット" },
    });

    for (const body of [{ label: "a\u0000b" }, { label: "" }, {}, { label: "x", eventId: "y" }]) {
      const bad = await send("PATCH", `/devices/${device.id}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(ErrorBody.parse(await bad.json()).error.code).toBe("invalid_body");
    }
    const missing = await send("PATCH", "/devices/nope", { label: "x" });
    expect(missing.status).toBe(404);
    expect(ErrorBody.parse(await missing.json()).error.code).toBe("device_not_found");
    expect(await audit("device_renamed")).toHaveLength(1);
  });

  it("lists each tablet's last sync, noted at most once a minute, its stored responses and whether it is revoked", async () => {
    const event = await createEvent();
    const a = await createDevice(event.id, "A");
    const b = await createDevice(event.id, "B");
    expect((await devices(event.id)).map((d) => [d.label, d.lastSyncAt, d.responses])).toEqual([
      ["A", null, 0],
      ["B", null, 0],
    ]);
    const first = clock.toISOString();
    await sendAs(a.token, [kioskResponse(event.id, a.device.id), kioskResponse(event.id, a.device.id)]);
    clock = new Date(clock.getTime() + 30_000);
    await sendAs(a.token, [kioskResponse(event.id, a.device.id)]);
    expect((await devices(event.id))[0]).toMatchObject({ lastSyncAt: first, responses: 3 });
    clock = new Date(clock.getTime() + 45_000);
    await sendAs(a.token, []);
    const later = clock.toISOString();
    await send("POST", `/devices/${b.device.id}/revoke`, {});
    expect(
      (await devices(event.id)).map((d) => [d.label, d.lastSyncAt, d.responses, d.revokedAt !== null]),
    ).toEqual([
      ["A", later, 3, false],
      ["B", null, 0, true],
    ]);
    // A refused request is no sync.
    clock = new Date(clock.getTime() + 120_000);
    expect((await sendAs(b.token, [kioskResponse(event.id, b.device.id)])).status).toBe(401);
    expect((await devices(event.id))[1]?.lastSyncAt).toBeNull();
  });
});
