import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ChoiceShares } from "../../src/contract/choices";
import { Tallies } from "../../src/contract/tallies";
import { Trend } from "../../src/contract/trend";
import type { Response } from "../../src/domain/response";
import type { Storage } from "../../src/server/storage";
import type { SurveyRegistry } from "../../src/server/surveys";
import { describeEachStorage, ingestAsStaff, makeResponse, openApp, organizer, SURVEY } from "./support";

describeEachStorage("tallies by mode and event, choices and trend", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const store = async (responses: Response[]) => {
    const { results } = await ingestAsStaff(storage, surveys, responses);
    expect(results.every((r) => r.status === "accepted")).toBe(true);
  };
  const get = async (path: string) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer });
    expect(res.status).toBe(200);
    return await res.json();
  };
  const many = (count: number, overrides: Partial<Response>) =>
    Array.from({ length: count }, () => makeResponse(overrides));

  // self: 5 yes, 1 no. kiosk at event e1: 3 yes, 2 no. kiosk at e2: 1 yes, 1 no. minCell is 5.
  const modeCase = () => [
    ...many(5, { answers: { q_prepared: "yes" } }),
    ...many(1, { answers: { q_prepared: "no" } }),
    ...many(3, { mode: "kiosk", eventId: "e1", answers: { q_prepared: "yes" } }),
    ...many(2, { mode: "kiosk", eventId: "e1", answers: { q_prepared: "no" } }),
    ...many(1, { mode: "kiosk", eventId: "e2", answers: { q_prepared: "yes" } }),
    ...many(1, { mode: "kiosk", eventId: "e2", answers: { q_prepared: "no" } }),
  ];

  it("breaks down by mode: self 5/6, kiosk 4/7 with Wilson intervals computed by hand", async () => {
    await store(modeCase());
    const t = Tallies.parse(await get("tallies?by=mode"));
    expect(t.by).toBe("mode");
    const [kiosk, self] = t.indicators[0]?.groups ?? [];
    expect(kiosk).toMatchObject({ key: "kiosk", n: 7, positive: 4, suppressed: false });
    expect(kiosk?.ci95?.[0]).toBeCloseTo(25.0458, 4);
    expect(kiosk?.ci95?.[1]).toBeCloseTo(84.178, 3);
    expect(self).toMatchObject({ key: "self", n: 6, positive: 5, suppressed: false });
    expect(self?.ci95?.[0]).toBeCloseTo(43.6497, 4);
  });

  it("breaks down by event and hides both events: kiosk 7 − e1 5 would give e2's 2 back", async () => {
    await store(modeCase());
    const t = Tallies.parse(await get("tallies?by=event"));
    expect(t.by).toBe("event");
    expect(t.indicators[0]?.groups?.map((g) => [g.key, g.suppressed, g.n])).toEqual([
      ["e1", true, null],
      ["e2", true, null],
    ]);
    // A second large event makes e1 safe to show while e2 and the smallest other stay hidden.
    await store(many(6, { mode: "kiosk", eventId: "e3", answers: { q_prepared: "yes" } }));
    const again = Tallies.parse(await get("tallies?by=event"));
    expect(again.indicators[0]?.groups?.map((g) => [g.key, g.suppressed, g.n])).toEqual([
      ["e1", true, null],
      ["e2", true, null],
      ["e3", false, 6],
    ]);
  });

  it("gives multiple-choice shares over the respondents who saw and answered, not over ticks", async () => {
    // Three answered (water+food, water, none); one saw it and left it blank; one never saw it.
    await store([
      makeResponse({ answers: { q_prepared: "yes", q_measures: ["water", "food"] } }),
      makeResponse({ answers: { q_prepared: "yes", q_measures: ["water"] } }),
      makeResponse({ answers: { q_prepared: "yes", q_measures: ["none"] } }),
      makeResponse({ answers: { q_prepared: "yes" } }),
      makeResponse({ answers: { q_prepared: "no" } }),
    ]);
    const shares = ChoiceShares.parse(await get("choices?question=q_measures"));
    expect(shares.respondents).toBe(3);
    expect(shares.options.map((o) => [o.optionId, o.n, o.positive])).toEqual([
      ["water", 3, 2],
      ["food", 3, 1],
      ["radio", 3, 0],
      ["none", 3, 1],
    ]);
    const water = shares.options[0];
    expect(water?.percent).toBeCloseTo(66.6667, 4);
    expect(water?.ci95?.[0]).toBeCloseTo(20.766, 3);
    expect(water?.ci95?.[1]).toBeCloseTo(93.8508, 4);
    expect(shares.options[2]?.ci95?.[1]).toBeCloseTo(56.1497, 4);
    // Shares of a multiple-choice question may sum past 100%: 66.7 + 33.3 + 0 + 33.3.
    expect(shares.options.reduce((s, o) => s + (o.percent ?? 0), 0)).toBeCloseTo(133.3333, 3);
    expect(ChoiceShares.parse(await get("choices?question=q_measures&wave=2024")).respondents).toBe(0);
  });

  it("answers 400 for choices of a text or single-choice question, or without a question", async () => {
    for (const query of ["?question=q_comment", "?question=q_area", "", "?question=nope"]) {
      const res = await app.request(`/api/v1/surveys/${SURVEY}/choices${query}`, { headers: organizer });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_query" } });
    }
  });

  it("gives each wave's estimate and the change from the previous wave with Newcombe's interval", async () => {
    const wave = (fy: number, yes: number, no: number) => [
      ...many(yes, { submittedAt: `${fy}-06-01T00:00:00Z`, answers: { q_prepared: "yes" } }),
      ...many(no, { submittedAt: `${fy}-06-01T00:00:00Z`, answers: { q_prepared: "no" } }),
    ];
    await store([...wave(2024, 3, 7), ...wave(2025, 8, 2), ...wave(2026, 7, 3)]);
    const trend = Trend.parse(await get("trend"));
    expect(trend.waves).toEqual([2024, 2025, 2026]);
    const [fy2024, fy2025, fy2026] = trend.indicators[0]?.points ?? [];
    expect(fy2024).toMatchObject({
      wave: 2024,
      n: 10,
      positive: 3,
      percent: 30,
      verdict: "not_met",
      change: null,
    });
    // 30% → 80%: +50 points, Newcombe [6.6476, 73.9759]: larger than its uncertainty.
    expect(fy2025?.change).toMatchObject({ fromWave: 2024, points: 50, significant: true });
    expect(fy2025?.change?.ci95[0]).toBeCloseTo(6.6476, 4);
    expect(fy2025?.change?.ci95[1]).toBeCloseTo(73.9759, 4);
    // 80% → 70%: −10 points, [−43.5386, 26.4614]: within its uncertainty.
    expect(fy2026?.change).toMatchObject({ fromWave: 2025, significant: false });
    expect(fy2026?.change?.points).toBeCloseTo(-10, 10);
    expect(fy2026?.change?.ci95[0]).toBeCloseTo(-43.5386, 4);
    expect(fy2026?.change?.ci95[1]).toBeCloseTo(26.4614, 4);
    expect(fy2026).toMatchObject({ percent: 70, verdict: "met" });
  });

  it("refuses choices and trend without the organizer token", async () => {
    for (const path of ["choices?question=q_measures", "trend"]) {
      const res = await app.request(`/api/v1/surveys/${SURVEY}/${path}`);
      expect(res.status).toBe(401);
    }
  });
});
