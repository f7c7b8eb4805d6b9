import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResponsesResult } from "../../src/contract/responses";
import { Tallies } from "../../src/contract/tallies";
import { Trend } from "../../src/contract/trend";
import type { Response } from "../../src/domain/response";
import { createApp } from "../../src/server/app";
import type { IntakeLimits } from "../../src/server/responses/intake";
import type { Storage } from "../../src/server/storage";
import { createSurveyRegistry } from "../../src/server/surveys";
import {
  describeEachStorage,
  enrolKiosk,
  fixtureSurveys,
  makeResponse,
  organizer,
  postJson,
  SURVEY,
  TOKEN,
} from "./support";

/** 2025-06-10 12:00 JST: FY2025. The collector's clock in these tests, moved by hand. */
const NOW = Date.parse("2025-06-10T03:00:00.000Z");

describeEachStorage("responses that look wrong are stored held, never counted", (variant) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let clock: number;
  let address: string | undefined;
  const appWith = (limits?: IntakeLimits, surveys = fixtureSurveys()) =>
    createApp({
      storage,
      surveys,
      organizerToken: TOKEN,
      log: () => {},
      now: () => new Date(clock),
      clientAddress: () => address,
      ...(limits && { intakeLimits: limits }),
    });
  let app: Hono;
  beforeEach(async () => {
    ({ storage, dispose } = await variant.open());
    await storage.migrate();
    clock = NOW;
    address = "198.51.100.7";
    app = appWith();
  });
  afterEach(async () => dispose());

  const send = async (responses: unknown[], headers: Record<string, string> = {}, on: Hono = app) => {
    const res = await on.request("/api/v1/responses", postJson({ responses }, headers));
    expect(res.status, await res.clone().text()).toBe(200);
    return ResponsesResult.parse(await res.json()).results;
  };
  const tallies = async (wave: number | null, on: Hono = app) => {
    const query = wave === null ? "" : `?wave=${wave}`;
    const res = await on.request(`/api/v1/surveys/${SURVEY}/tallies${query}`, { headers: organizer });
    expect(res.status).toBe(200);
    const prepared = Tallies.parse(await res.json()).indicators.find((i) => i.id === "prepared");
    return { n: prepared?.n, positive: prepared?.positive };
  };
  const reviewOf = async (ids: readonly string[]) => {
    const rows = await storage.responsesPage({ surveyId: SURVEY, wave: null, afterId: null, limit: 10_000 });
    const counted = new Set(rows.map((r) => r.id));
    return ids.map((id) => (counted.has(id) ? "counted" : "not counted"));
  };

  describe("kiosk responses need their tablet's token", () => {
    const kioskAnswer = (eventId: string, deviceId: string) =>
      makeResponse({ mode: "kiosk", eventId, deviceId, submittedAt: "2025-06-01T03:00:00.000Z" });

    it("refuses, per item and saying why, a kiosk response sent without a token, for any device", async () => {
      await enrolKiosk(storage, { eventId: "fair", deviceId: "tab-1" });
      const self = makeResponse();
      const results = await send([kioskAnswer("fair", "tab-1"), self, kioskAnswer("nowhere", "ghost")]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "accepted", "rejected"]);
      expect(results[0]?.error).toMatch(/device token/);
      expect(await storage.storedIds(results.map((r) => r.id))).toEqual([self.id]);
    });

    it("accepts them with the token, and refuses one naming another tablet or event", async () => {
      const { auth } = await enrolKiosk(storage, { eventId: "fair", deviceId: "tab-1" });
      await enrolKiosk(storage, { eventId: "fair", deviceId: "tab-2" });
      const results = await send(
        [kioskAnswer("fair", "tab-1"), kioskAnswer("fair", "tab-2"), kioskAnswer("other", "tab-1")],
        auth,
      );
      expect(results.map((r) => r.status)).toEqual(["accepted", "rejected", "rejected"]);
      expect(results[1]?.error).toMatch(/deviceId/);
      expect(results[2]?.error).toMatch(/eventId/);
    });

    it("refuses the whole request of a revoked tablet (401), and /counts credits it nothing new", async () => {
      const { auth } = await enrolKiosk(storage, { eventId: "fair", deviceId: "tab-1" });
      await storage.revokeDevice("tab-1", new Date(NOW).toISOString());
      const res = await app.request(
        "/api/v1/responses",
        postJson({ responses: [kioskAnswer("fair", "tab-1")] }, auth),
      );
      expect(res.status).toBe(401);
      const counts = await app.request(`/api/v1/surveys/${SURVEY}/counts`, { headers: organizer });
      expect(JSON.stringify(await counts.json())).not.toContain("tab-1");
    });
  });

  describe("a submittedAt that cannot be true", () => {
    it.each([
      ["9999-12-31T23:59:59Z"],
      ["2100-01-01T00:00:00Z"],
      ["0001-01-01T00:00:00Z"],
      ["1900-04-01T00:00:00+09:00"],
      ["2025-06-11T03:00:01Z"], // a day and a second ahead of the collector
    ])("%s is accepted, kept held, and makes no wave", async (submittedAt) => {
      const honest = makeResponse({ answers: { q_prepared: "no" } });
      const wrong = makeResponse({ submittedAt, answers: { q_prepared: "yes" } });
      const results = await send([honest, wrong]);
      expect(results.map((r) => r.status)).toEqual(["accepted", "accepted"]);
      expect(await storage.storedIds([wrong.id])).toEqual([wrong.id]);
      expect(await reviewOf([honest.id, wrong.id])).toEqual(["counted", "not counted"]);
      expect(await tallies(null)).toEqual({ n: 1, positive: 0 });
      const trend = await app.request(`/api/v1/surveys/${SURVEY}/trend`, { headers: organizer });
      expect(Trend.parse(await trend.json()).waves).toEqual([2025]);
      // The dashboard's "responses received" panel reads /counts: still whole, and only the honest one.
      const counts = await app.request(`/api/v1/surveys/${SURVEY}/counts`, { headers: organizer });
      expect(counts.status).toBe(200);
      expect((await counts.json()).byDay).toEqual([{ day: "2025-06-01", n: 1 }]);
    });

    it("a clock up to a day ahead is believed", async () => {
      const ahead = makeResponse({ submittedAt: "2025-06-11T02:59:59Z" });
      await send([ahead]);
      expect(await reviewOf([ahead.id])).toEqual(["counted"]);
    });

    it("an answer dated before its version was published is held", async () => {
      const def = fixtureSurveys().get(SURVEY, 2);
      if (!def) throw new Error("no fixture");
      const published = createSurveyRegistry([{ ...def, publishedAt: "2025-05-01T00:00:00+09:00" }]);
      const on = appWith(undefined, published);
      const before = makeResponse({ submittedAt: "2025-04-30T14:59:59Z" });
      const after = makeResponse({ submittedAt: "2025-04-30T15:00:00Z" });
      await send([before, after], {}, on);
      expect(await reviewOf([before.id, after.id])).toEqual(["not counted", "counted"]);
    });
  });

  describe("responses counted per address and per tablet", () => {
    const small: IntakeLimits = { addressCounted: 5, addressStored: 12, deviceCounted: 8, deviceStored: 20 };
    const batch = (n: number, answer = "yes") =>
      Array.from({ length: n }, () => makeResponse({ answers: { q_prepared: answer } }));

    it("counts an address's first answers, holds the rest of the hour, refuses beyond what it may store", async () => {
      const on = appWith(small);
      const first = batch(3);
      const second = batch(3);
      await send(first, {}, on);
      await send(second, {}, on);
      // 5 counted an hour: the first three, and two of the second three.
      expect(await reviewOf(first.map((r) => r.id))).toEqual(Array(3).fill("counted"));
      const secondStates = await reviewOf(second.map((r) => r.id));
      expect(secondStates.filter((s) => s === "counted")).toHaveLength(2);
      await send(batch(6), {}, on); // 12 stored: the address has used the hour
      const refused = await on.request("/api/v1/responses", postJson({ responses: batch(1) }));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBe(3600 - (NOW % 3_600_000) / 1000);
      // Another address is counted as usual, and so is this one in the next hour.
      address = "203.0.113.9";
      const other = batch(2);
      await send(other, {}, on);
      address = "198.51.100.7";
      clock = NOW + 3_600_000;
      const later = batch(2);
      await send(later, {}, on);
      expect(await reviewOf([...other, ...later].map((r) => r.id))).toEqual(Array(4).fill("counted"));
    });

    it("holds a whole request that carries more than an address may have counted in an hour", async () => {
      const on = appWith(small);
      const burst = batch(6);
      await send(burst, {}, on);
      expect(await reviewOf(burst.map((r) => r.id))).toEqual(Array(6).fill("not counted"));
      const honest = batch(2);
      await send(honest, {}, on);
      expect(await reviewOf(honest.map((r) => r.id))).toEqual(["counted", "counted"]);
    });

    it("does not count a resend against the address: duplicates cost nothing", async () => {
      const on = appWith(small);
      const answers = batch(5);
      await send(answers, {}, on);
      for (let i = 0; i < 3; i++)
        expect((await send(answers, {}, on)).every((r) => r.status === "duplicate")).toBe(true);
      const next = batch(1);
      await send(next, {}, on);
      // 5 counted, then the sixth new one is held; the 15 duplicates were not counted.
      expect(await reviewOf([...answers, next[0] as Response].map((r) => r.id))).toEqual([
        ...Array(5).fill("counted"),
        "not counted",
      ]);
    });

    it("counts a tablet against its token, not the office's address", async () => {
      const on = appWith(small);
      const { auth } = await enrolKiosk(storage, { eventId: "fair", deviceId: "tab-1" });
      const kiosk = Array.from({ length: 8 }, () =>
        makeResponse({ mode: "kiosk", eventId: "fair", deviceId: "tab-1" }),
      );
      await send(kiosk, auth, on);
      // The same address, without a token: still its own 5.
      const phone = batch(5);
      await send(phone, {}, on);
      expect(await reviewOf([...kiosk, ...phone].map((r) => r.id))).toEqual(Array(13).fill("counted"));
    });
  });

  it("keeps no address: the stored keys are salted hashes, and go with their hour", async () => {
    const on = appWith();
    await send(batch1(), {}, on);
    const hour = new Date(Math.floor(NOW / 3_600_000) * 3_600_000).toISOString();
    const salt = await storage.intakeSalt(hour, "another");
    expect(salt).not.toBe("another"); // the first request made it
    clock = NOW + 2 * 3_600_000;
    await send(batch1(), {}, on);
    // The first hour's counts and salt are gone: nothing left could be tied back to the address.
    expect(await storage.intakeSalt(hour, "new")).toBe("new");
  });
});

const batch1 = () => [makeResponse()];
