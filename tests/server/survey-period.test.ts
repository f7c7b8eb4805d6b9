import { join } from "node:path";
import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ResponsesResult } from "../../src/contract/responses";
import { ReviewSummary } from "../../src/contract/reviews";
import { SurveyDefinition } from "../../src/domain/definition";
import { createApp } from "../../src/server/app";
import { ingestBatch } from "../../src/server/responses/ingest";
import type { Storage } from "../../src/server/storage";
import { createSurveyRegistry, readSurveyFile, type SurveyRegistry } from "../../src/server/surveys";
import { describeEachStorage, FIXTURES, makeResponse, organizer, postJson, SURVEY, TOKEN } from "./support";

// Issue 20, item 6: the fixture's version 2 with an answer period, June 2025 in Tokyo.
const OPENS = "2025-06-01";
const CLOSES = "2025-06-30";

function surveysWithPeriod(): SurveyRegistry {
  const v2 = readSurveyFile(join(FIXTURES, "surveys", "ward-test-v2.json"));
  return createSurveyRegistry([SurveyDefinition.parse({ ...v2, opens: OPENS, closes: CLOSES })]);
}

describeEachStorage("POST /api/v1/responses over a survey's answer period", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  // The collector's clock, set by each test: when the batch arrives.
  let now = new Date("2025-06-15T03:00:00Z");
  beforeEach(async () => {
    const opened = await variant.open();
    await opened.storage.migrate();
    storage = opened.storage;
    dispose = opened.dispose;
    surveys = surveysWithPeriod();
    app = createApp({ storage, surveys, organizerToken: TOKEN, log: () => {}, now: () => now });
  });
  afterEach(async () => dispose());

  const send = async (responses: unknown[], receivedAt: string) => {
    now = new Date(receivedAt);
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    expect(res.status).toBe(200);
    return ResponsesResult.parse(await res.json()).results;
  };

  it("refuses an answer submitted the day after the close, with survey_closed and the days", async () => {
    // 00:30 on 1 July in Tokyo is still 30 June in UTC: the Tokyo day decides.
    const late = makeResponse({ submittedAt: "2025-06-30T15:30:00.000Z" });
    const [result] = await send([late], "2025-07-01T01:00:00Z");
    expect(result).toMatchObject({ id: late.id, status: "rejected", code: "survey_closed" });
    expect(result?.error).toBe(
      "submittedAt: 2025-07-01 (Asia/Tokyo) is after the survey closed on 2025-06-30",
    );
    expect(await storage.storedIds([late.id])).toEqual([]);
  });

  it("accepts an answer submitted on the close day and sent three weeks later, and counts it", async () => {
    // 23:59 on 30 June in Tokyo, from a phone that was offline until 21 July.
    const lastMinute = makeResponse({ submittedAt: "2025-06-30T14:59:00.000Z" });
    expect(await send([lastMinute], "2025-07-21T09:00:00Z")).toEqual([
      { id: lastMinute.id, status: "accepted" },
    ]);
    expect(await storage.storedIds([lastMinute.id])).toEqual([lastMinute.id]);
    const res = await app.request(`/api/v1/surveys/${SURVEY}/reviews`, { headers: organizer });
    expect(ReviewSummary.parse(await res.json()).groups).toEqual([]); // nothing held: counted
  });

  it("refuses an answer submitted before the first day with survey_not_open, and takes the first day's", async () => {
    const early = makeResponse({ submittedAt: "2025-05-31T14:59:59.000Z" }); // 31 May 23:59:59 in Tokyo
    const first = makeResponse({ submittedAt: "2025-05-31T15:00:00.000Z" }); // 1 June 00:00 in Tokyo
    const results = await send([early, first], "2025-06-01T00:00:00Z");
    expect(results).toEqual([
      {
        id: early.id,
        status: "rejected",
        code: "survey_not_open",
        error: "submittedAt: 2025-05-31 (Asia/Tokyo) is before the survey opens on 2025-06-01",
      },
      { id: first.id, status: "accepted" },
    ]);
  });

  // A clock that cannot be believed (after the collector's own plus a day) says nothing about when
  // the answer was given: it is not refused on its date but stored held, for an analyst to decide.
  it("does not refuse on a clock it cannot believe: the answer is stored held", async () => {
    const wrongClock = makeResponse({ submittedAt: "2025-09-01T00:00:00.000Z" });
    expect(await send([wrongClock], "2025-06-20T00:00:00Z")).toEqual([
      { id: wrongClock.id, status: "accepted" },
    ]);
    const res = await app.request(`/api/v1/surveys/${SURVEY}/reviews`, { headers: organizer });
    expect(ReviewSummary.parse(await res.json()).groups).toMatchObject([
      { state: "held", reason: "clock", n: 1 },
    ]);
  });

  it("judges a kiosk's answers by the same rule", async () => {
    const kiosk = { mode: "kiosk" as const, eventId: "fair", deviceId: "tab-1" };
    const closeDay = makeResponse({ ...kiosk, submittedAt: "2025-06-30T06:00:00.000Z" });
    const dayAfter = makeResponse({ ...kiosk, submittedAt: "2025-07-01T06:00:00.000Z" });
    // A kiosk's backlog imported by staff from its backup file, weeks later.
    now = new Date("2025-07-25T00:00:00Z");
    const results = await ingestBatch(
      [closeDay, dayAfter],
      { storage, surveys, now: () => now },
      { staffImport: true },
    );
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ["accepted", undefined],
      ["rejected", "survey_closed"],
    ]);
  });
});
