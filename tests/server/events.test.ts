import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ErrorBody } from "../../src/contract/errors";
import { DeviceEnrollment, DeviceList, EventList, KioskDevice, KioskEvent } from "../../src/contract/events";
import { ResponsesResult } from "../../src/contract/responses";
import { hashDeviceToken } from "../../src/server/kiosk/device-token";
import type { Storage } from "../../src/server/storage";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

describeEachStorage("events and kiosk devices", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const newEvent = { surveyId: SURVEY, name: "防災訓練", place: "北小学校", date: "2026-09-01" };

  const createEvent = async (body: object = newEvent) => {
    const res = await app.request("/api/v1/events", postJson(body, organizer));
    expect(res.status).toBe(201);
    return KioskEvent.parse(await res.json());
  };

  const createDevice = async (eventId: string, label = "タブレット1") => {
    const res = await app.request(`/api/v1/events/${eventId}/devices`, postJson({ label }, organizer));
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    return DeviceEnrollment.parse(await res.json());
  };

  const sendWith = (token: string | undefined, responses: unknown[]) =>
    app.request(
      "/api/v1/responses",
      postJson({ responses }, token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    );

  it("creates an event and lists it for its survey, latest day first", async () => {
    const early = await createEvent({ ...newEvent, date: "2026-05-10", name: "子育てサロン" });
    const late = await createEvent();
    expect(late).toMatchObject(newEvent);
    const res = await app.request(`/api/v1/events?surveyId=${SURVEY}`, { headers: organizer });
    expect(res.status).toBe(200);
    expect(EventList.parse(await res.json()).events.map((e) => e.id)).toEqual([late.id, early.id]);
    const other = await app.request("/api/v1/events?surveyId=other-survey", { headers: organizer });
    expect(EventList.parse(await other.json()).events).toEqual([]);
  });

  it("refuses an event with a bad body, saying which field", async () => {
    const res = await app.request(
      "/api/v1/events",
      postJson({ ...newEvent, date: "2026/09/01", name: " " }, organizer),
    );
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.problems?.map((p) => p.path).sort()).toEqual(["date", "name"]);
  });

  it("refuses a NUL byte or another control character in an event's name or place, or a device's label, naming the field", async () => {
    for (const [field, value] of [
      ["name", "防災\u0000訓練"],
      ["name", "防災\n訓練"],
      ["place", "北小\u001b[31m"],
      ["place", "北\u0085小"],
      ["name", "a\u007f"],
    ] as const) {
      const res = await app.request("/api/v1/events", postJson({ ...newEvent, [field]: value }, organizer));
      expect(res.status, JSON.stringify(value)).toBe(400);
      const body = ErrorBody.parse(await res.json());
      expect(body.error.code).toBe("invalid_body");
      expect(body.error.problems?.map((p) => p.path)).toEqual([field]);
      expect(body.error.message).toMatch(new RegExp(`${field}.*control character`));
    }
    expect(await storage.listEvents(null)).toEqual([]);
    const event = await createEvent();
    const res = await app.request(
      `/api/v1/events/${event.id}/devices`,
      postJson({ label: "tab\u0000" }, organizer),
    );
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.problems?.map((p) => p.path)).toEqual(["label"]);
    expect(await storage.listDevices(event.id)).toEqual([]);
  });

  it("refuses an event for a survey the collector does not have", async () => {
    const res = await app.request("/api/v1/events", postJson({ ...newEvent, surveyId: "nope" }, organizer));
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("survey_not_found");
  });

  it("needs the organizer token on every event and device route", async () => {
    const event = await createEvent();
    const device = await createDevice(event.id);
    const calls: [string, RequestInit][] = [
      ["/api/v1/events", postJson(newEvent)],
      ["/api/v1/events", {}],
      [`/api/v1/events/${event.id}/devices`, postJson({ label: "x" })],
      [`/api/v1/events/${event.id}/devices`, {}],
      [`/api/v1/devices/${device.device.id}/revoke`, postJson({})],
      // A device token is not an organizer token.
      ["/api/v1/events", { headers: { Authorization: `Bearer ${device.token}` } }],
    ];
    for (const [path, init] of calls) expect((await app.request(path, init)).status).toBe(401);
  });

  it("returns a device's token once and stores only its sha256", async () => {
    const event = await createEvent();
    const { device, token } = await createDevice(event.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device).toMatchObject({ label: "タブレット1", eventId: event.id, revokedAt: null });
    expect(await storage.deviceByTokenHash(hashDeviceToken(token))).toEqual(device);
    expect(await storage.deviceByTokenHash(token)).toBeUndefined();
    const list = await app.request(`/api/v1/events/${event.id}/devices`, { headers: organizer });
    const text = await list.text();
    expect(DeviceList.parse(JSON.parse(text)).devices).toEqual([{ ...device, responses: 0 }]);
    expect(text).not.toContain(token);
    const second = await createDevice(event.id);
    expect(second.token).not.toBe(token);
  });

  it("answers 404 for devices of an unknown event", async () => {
    const res = await app.request("/api/v1/events/nope/devices", postJson({ label: "x" }, organizer));
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("event_not_found");
  });

  it("accepts a kiosk response sent with its device's token", async () => {
    const event = await createEvent();
    const { device, token } = await createDevice(event.id);
    const r = makeResponse({ mode: "kiosk", eventId: event.id, deviceId: device.id });
    const res = await sendWith(token, [r]);
    expect(res.status).toBe(200);
    expect(ResponsesResult.parse(await res.json()).results).toEqual([{ id: r.id, status: "accepted" }]);
    const [stored] = await storage.responsesPage({ surveyId: SURVEY, wave: null, afterId: null, limit: 5 });
    expect(stored).toMatchObject({ mode: "kiosk", eventId: event.id, deviceId: device.id });
  });

  it("rejects a kiosk response that names another device or event, and keeps the rest", async () => {
    const event = await createEvent();
    const other = await createEvent({ ...newEvent, name: "夏まつり" });
    const a = await createDevice(event.id);
    const b = await createDevice(event.id, "タブレット2");
    const good = makeResponse({ mode: "kiosk", eventId: event.id, deviceId: a.device.id });
    const otherDevice = makeResponse({ mode: "kiosk", eventId: event.id, deviceId: b.device.id });
    const otherEvent = makeResponse({ mode: "kiosk", eventId: other.id, deviceId: a.device.id });
    const noDevice = makeResponse({ mode: "kiosk", eventId: event.id });
    const self = makeResponse();
    const res = await sendWith(a.token, [good, otherDevice, otherEvent, noDevice, self]);
    const results = ResponsesResult.parse(await res.json()).results;
    expect(results.map((r) => r.status)).toEqual([
      "accepted",
      "rejected",
      "rejected",
      "rejected",
      "accepted",
    ]);
    expect(results[1]?.error).toMatch(/^deviceId: .* is not the device of the token sent/);
    expect(results[2]?.error).toMatch(/^eventId: /);
    expect(results[3]?.error).toMatch(/^deviceId: /);
    expect(results.map((r) => r.code)).toEqual([
      undefined,
      "device_mismatch",
      "event_mismatch",
      "device_mismatch",
      undefined,
    ]);
    expect(await storage.storedIds([good.id, otherDevice.id, otherEvent.id, noDevice.id, self.id])).toEqual([
      good.id,
      self.id,
    ]);
  });

  it("refuses an unknown or malformed device token with 401 and stores nothing", async () => {
    const r = makeResponse();
    for (const header of ["Bearer not-a-real-token-at-all", "Basic abc", "Bearer"]) {
      const res = await app.request(
        "/api/v1/responses",
        postJson({ responses: [r] }, { Authorization: header }),
      );
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect(ErrorBody.parse(await res.json()).error.code).toBe("unauthorized");
    }
    expect(await storage.storedIds([r.id])).toEqual([]);
  });

  it("refuses a revoked device's token, and still takes self-answered responses without one", async () => {
    const event = await createEvent();
    const { device, token } = await createDevice(event.id);
    const revoke = await app.request(`/api/v1/devices/${device.id}/revoke`, postJson({}, organizer));
    expect(revoke.status).toBe(200);
    const revoked = KioskDevice.parse(await revoke.json());
    expect(revoked.revokedAt).not.toBeNull();
    const r = makeResponse({ mode: "kiosk", eventId: event.id, deviceId: device.id });
    expect((await sendWith(token, [r])).status).toBe(401);
    const self = makeResponse();
    const res = await sendWith(undefined, [self]);
    expect(ResponsesResult.parse(await res.json()).results).toEqual([{ id: self.id, status: "accepted" }]);
    const again = await app.request(`/api/v1/devices/${device.id}/revoke`, postJson({}, organizer));
    expect(KioskDevice.parse(await again.json()).revokedAt).toBe(revoked.revokedAt);
    const missing = await app.request("/api/v1/devices/nope/revoke", postJson({}, organizer));
    expect(missing.status).toBe(404);
  });
});
