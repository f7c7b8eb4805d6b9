import { afterEach, beforeEach, expect, it } from "vitest";
import { ResponseCounts } from "../../src/contract/counts";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import type { Storage } from "../../src/server/storage";
import {
  describeEachStorage,
  fixtureSurveys,
  ingestAsStaff,
  makeResponse,
  openApp,
  organizer,
  SURVEY,
} from "./support";

const v1 = (submittedAt: string): Response =>
  makeResponse({ surveyVersion: 1, submittedAt, answers: { q_prepared: "yes" } });
const kiosk = (submittedAt: string, eventId: string, deviceId: string): Response =>
  makeResponse({ submittedAt, mode: "kiosk", eventId, deviceId });

// Each response's Tokyo day and fiscal year (wave) worked out by hand in the comment beside it.
const RESPONSES: Response[] = [
  makeResponse({ submittedAt: "2026-03-31T15:30:00.000Z" }), // 04-01 00:30 JST, FY2026
  kiosk("2026-03-31T14:59:59.999Z", "fair", "tab-1"), // 03-31 23:59:59 JST, FY2025
  kiosk("2026-04-01T00:30:00+09:00", "fair", "tab-1"), // = 03-31T15:30Z: 04-01, FY2026
  v1("2026-03-31T20:45:00+05:30"), // = 15:15Z: 04-01 00:15 JST, FY2026
  v1("2026-03-31T20:15:00+05:30"), // = 14:45Z: 03-31 23:45 JST, FY2025 (same hour, other day)
  kiosk("2026-04-02T10:00:00-03:00", "ghost", "tab-2"), // = 13:00Z: 04-02 22:00 JST, FY2026
];

describeEachStorage("response counts per day, event, device and version", (variant) => {
  let app: Awaited<ReturnType<typeof openApp>>["app"];
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const seed = async () => {
    await storage.insertEvent({
      id: "fair",
      surveyId: SURVEY,
      name: "防災フェア",
      place: "区民センター",
      date: "2026-03-31",
      createdAt: "2026-03-01T00:00:00.000Z",
      closedAt: null,
    });
    await storage.insertDevice(
      {
        id: "tab-1",
        label: "受付1",
        eventId: "fair",
        createdAt: "2026-03-01T00:00:00.000Z",
        revokedAt: null,
        lastSyncAt: null,
      },
      "0".repeat(64),
    );
    const { results } = await ingestAsStaff(storage, fixtureSurveys(), RESPONSES);
    expect(results.map((r) => r.status)).toEqual(RESPONSES.map(() => "accepted"));
    // Another survey's response, stored directly: it must count nowhere.
    await storage.insertResponses(
      [
        {
          response: {
            ...makeResponse({ submittedAt: "2026-04-01T03:00:00.000Z" }),
            id: uuidv7(),
            surveyId: "other",
          },
          wave: 2026,
          contentHash: "x",
          choices: [],
        },
      ],
      "2026-04-01T03:00:00.000Z",
    );
  };
  const counts = async (query = "") => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/counts${query}`, { headers: organizer });
    expect(res.status).toBe(200);
    return ResponseCounts.parse(await res.json());
  };

  it("counts every wave by the Tokyo day of submittedAt, whatever offset it was sent with", async () => {
    await seed();
    expect(await counts()).toEqual({
      surveyId: SURVEY,
      wave: null,
      byDay: [
        { day: "2026-03-31", n: 2 },
        { day: "2026-04-01", n: 3 },
        { day: "2026-04-02", n: 1 },
      ],
      // minCell is 5: both events and both tablets are hidden, as by=event hides them.
      byEvent: [
        { eventId: null, n: 3, suppressed: false },
        { eventId: "fair", name: "防災フェア", n: null, suppressed: true },
        { eventId: "ghost", n: null, suppressed: true },
      ],
      byDevice: [
        { deviceId: null, n: 3, suppressed: false },
        { deviceId: "tab-1", label: "受付1", n: null, suppressed: true },
        { deviceId: "tab-2", n: null, suppressed: true },
      ],
      byVersion: [
        { version: 1, n: 2 },
        { version: 2, n: 4 },
      ],
    });
  });

  it("counts one wave only: FY2026 starts at 2026-03-31T15:00Z", async () => {
    await seed();
    const fy2026 = await counts("?wave=2026");
    expect(fy2026.wave).toBe(2026);
    expect(fy2026.byDay).toEqual([
      { day: "2026-04-01", n: 3 },
      { day: "2026-04-02", n: 1 },
    ]);
    expect(fy2026.byEvent).toEqual([
      { eventId: null, n: 2, suppressed: false },
      { eventId: "fair", name: "防災フェア", n: null, suppressed: true },
      { eventId: "ghost", n: null, suppressed: true },
    ]);
    expect(fy2026.byVersion).toEqual([
      { version: 1, n: 1 },
      { version: 2, n: 3 },
    ]);
    const fy2025 = await counts("?wave=2025");
    expect(fy2025.byDay).toEqual([{ day: "2026-03-31", n: 2 }]);
    // The responses of no device shown, the tablet's 1 hidden after them.
    expect(fy2025.byDevice).toEqual([
      { deviceId: null, n: 1, suppressed: false },
      { deviceId: "tab-1", label: "受付1", n: null, suppressed: true },
    ]);
  });

  it("hides every event by=event hides, a second where total − shown would give one back, and their tablets", async () => {
    // Events (responses, base of the indicator): big 12 (12), small 3 (3), mid 8 (base 4: the other 4
    // said わからない), other 9 (9); 4 own-device responses. by=event hides small and mid (bases below
    // 5), so /counts hides mid too, though its 8 responses alone would be shown.
    const at = (eventId: string, count: number, answer: string) =>
      Array.from({ length: count }, () =>
        makeResponse({ mode: "kiosk", eventId, deviceId: `tab-${eventId}`, answers: { q_prepared: answer } }),
      );
    const responses = [
      ...at("big", 12, "yes"),
      ...at("small", 3, "yes"),
      ...at("mid", 4, "yes"),
      ...at("mid", 4, "dk"),
      ...at("other", 9, "no"),
      ...Array.from({ length: 4 }, () => makeResponse({ answers: { q_prepared: "no" } })),
    ];
    await storage.insertResponses(
      responses.map((response) => ({
        response,
        wave: 2025,
        contentHash: response.id,
        choices: [{ questionId: "q_prepared", optionId: String(response.answers.q_prepared) }],
      })),
      "2025-06-01T03:00:00.000Z",
    );
    const tallies = await app.request(`/api/v1/surveys/${SURVEY}/tallies?by=event`, { headers: organizer });
    const groups = (await tallies.json()).indicators[0].groups as { key: string; suppressed: boolean }[];
    expect(groups.filter((g) => g.suppressed).map((g) => g.key)).toEqual(["mid", "small"]);
    const c = await counts();
    expect(c.byEvent).toEqual([
      { eventId: "big", n: 12, suppressed: false },
      { eventId: "other", n: 9, suppressed: false },
      { eventId: null, n: 4, suppressed: false },
      { eventId: "mid", n: null, suppressed: true },
      { eventId: "small", n: null, suppressed: true },
    ]);
    expect(c.byDevice).toEqual([
      { deviceId: "tab-big", n: 12, suppressed: false },
      { deviceId: "tab-other", n: 9, suppressed: false },
      { deviceId: null, n: 4, suppressed: false },
      { deviceId: "tab-mid", n: null, suppressed: true },
      { deviceId: "tab-small", n: null, suppressed: true },
    ]);
  });

  it("answers empty lists for a survey with no responses", async () => {
    expect(await counts()).toEqual({
      surveyId: SURVEY,
      wave: null,
      byDay: [],
      byEvent: [],
      byDevice: [],
      byVersion: [],
    });
  });

  it("is the organizer's only, and says what is wrong with a bad wave or survey", async () => {
    expect((await app.request(`/api/v1/surveys/${SURVEY}/counts`)).status).toBe(401);
    const bad = await app.request(`/api/v1/surveys/${SURVEY}/counts?wave=soon`, { headers: organizer });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/wave/);
    expect((await app.request("/api/v1/surveys/nope/counts", { headers: organizer })).status).toBe(404);
  });
});
