import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Tallies } from "../../src/contract/tallies";
import { Trend } from "../../src/contract/trend";
import type { Response } from "../../src/domain/response";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

type Answers = Response["answers"];

describeEachStorage("GET /api/v1/surveys/:id/tallies", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const store = async (responses: Response[]) => {
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    const { results } = (await res.json()) as { results: { status: string }[] };
    expect(results.every((r) => r.status === "accepted")).toBe(true);
  };
  const tallies = async (query = "") => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies${query}`, { headers: organizer });
    expect(res.status).toBe(200);
    return (await res.json()) as Tallies;
  };
  const answered = (answers: Answers, count: number) =>
    Array.from({ length: count }, () => makeResponse({ answers }));

  // 7 している, 3 していない, 2 わからない, 1 unanswered: 13 responses.
  const handCase = () => [
    ...answered({ q_prepared: "yes", q_area: "north" }, 5),
    ...answered({ q_prepared: "no", q_area: "north" }, 1),
    ...answered({ q_prepared: "yes", q_area: "south" }, 1),
    ...answered({ q_prepared: "no", q_area: "south" }, 1),
    ...answered({ q_prepared: "dk", q_area: "south" }, 1),
    ...answered({ q_prepared: "yes", q_area: "east" }, 1),
    ...answered({ q_prepared: "no", q_area: "east" }, 1),
    ...answered({ q_prepared: "dk", q_area: "east" }, 1),
    ...answered({ q_area: "north" }, 1),
  ];

  it("counts an indicator as computed by hand: n=10, positive=7, 70%, Wilson [39.6778, 89.2209], met", async () => {
    await store(handCase());
    const t = await tallies();
    expect(t).toMatchObject({ surveyId: SURVEY, wave: null, by: null });
    const [prepared] = t.indicators;
    expect(prepared).toMatchObject({
      id: "prepared",
      n: 10,
      positive: 7,
      percent: 70,
      target: { op: ">=", value: 70 },
      verdict: "met",
    });
    expect(prepared?.ci95?.[0]).toBeCloseTo(39.6778, 4);
    expect(prepared?.ci95?.[1]).toBeCloseTo(89.2209, 4);
    expect(prepared).not.toHaveProperty("groups");
  });

  it("answers null percent, interval and verdict for an empty base, no verdict below minCell, not_met from it", async () => {
    expect((await tallies()).indicators[0]).toMatchObject({
      n: 0,
      positive: 0,
      percent: null,
      ci95: null,
      verdict: null,
    });
    // minCell is 5: 2 answers (50%) are too few for a verdict, and so are 4 (3 yes, 75% ≥ 70%).
    await store([...answered({ q_prepared: "yes" }, 1), ...answered({ q_prepared: "no" }, 1)]);
    expect((await tallies()).indicators[0]).toMatchObject({ n: 2, percent: 50, verdict: null });
    await store(answered({ q_prepared: "yes" }, 2));
    expect((await tallies()).indicators[0]).toMatchObject({ n: 4, percent: 75, verdict: null });
    const trend = async () =>
      Trend.parse(
        await (await app.request(`/api/v1/surveys/${SURVEY}/trend`, { headers: organizer })).json(),
      ).indicators[0]?.points.map((p) => [p.n, p.verdict]);
    expect(await trend()).toEqual([[4, null]]);
    await store(answered({ q_prepared: "no" }, 1));
    expect((await tallies()).indicators[0]).toMatchObject({ n: 5, percent: 60, verdict: "not_met" });
    expect(await trend()).toEqual([[5, "not_met"]]);
  });

  it("breaks down by a single-choice question and suppresses groups below minCell", async () => {
    await store(handCase());
    const t = await tallies("?by=q_area");
    expect(t.by).toBe("q_area");
    const groups = t.indicators[0]?.groups ?? [];
    expect(groups.map((g) => g.key)).toEqual(["east", "north", "south"]);
    const north = groups.find((g) => g.key === "north");
    expect(north).toMatchObject({ n: 6, positive: 5, suppressed: false });
    expect(north?.percent).toBeCloseTo(83.3333, 4);
    expect(north?.ci95?.[0]).toBeCloseTo(43.6497, 4);
    expect(north?.ci95?.[1]).toBeCloseTo(96.9947, 4);
    for (const key of ["east", "south"])
      expect(groups.find((g) => g.key === key)).toEqual({
        key,
        n: null,
        positive: null,
        percent: null,
        ci95: null,
        suppressed: true,
      });
  });

  it("puts a response in the fiscal year of its instant in Japan time", async () => {
    await store([
      makeResponse({ submittedAt: "2026-03-31T15:00:00Z", answers: { q_prepared: "yes" } }),
      makeResponse({ submittedAt: "2026-03-31T14:59:59Z", answers: { q_prepared: "no" } }),
    ]);
    const fy2026 = await tallies("?wave=2026");
    expect(fy2026.wave).toBe(2026);
    expect(fy2026.indicators[0]).toMatchObject({ n: 1, positive: 1 });
    expect((await tallies("?wave=2025")).indicators[0]).toMatchObject({ n: 1, positive: 0 });
    expect((await tallies("?wave=2024")).indicators[0]).toMatchObject({ n: 0 });
    expect((await tallies()).indicators[0]).toMatchObject({ n: 2, positive: 1 });
  });

  it("tallies across the survey's versions by question and option id", async () => {
    await store([
      makeResponse({ surveyVersion: 1, answers: { q_prepared: "yes" } }),
      makeResponse({ surveyVersion: 2, answers: { q_prepared: "yes" } }),
      makeResponse({ surveyVersion: 2, answers: { q_prepared: "no" } }),
    ]);
    expect((await tallies()).indicators[0]).toMatchObject({ n: 3, positive: 2 });
  });

  it("does not count multiple-choice ticks or other surveys' rows into the indicator", async () => {
    await store([makeResponse({ answers: { q_prepared: "yes", q_measures: ["water", "food", "radio"] } })]);
    expect((await tallies()).indicators[0]).toMatchObject({ n: 1, positive: 1 });
  });

  it.each([
    ["?by=q_measures", "a multiple-choice question"],
    ["?by=q_comment", "a text question"],
    ["?by=nope", "an unknown question"],
    ["?wave=last", "a wave that is not a year"],
  ])("answers 400 for %s (%s)", async (query) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies${query}`, { headers: organizer });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_query" } });
  });

  it("answers 404 for an unknown survey", async () => {
    const res = await app.request("/api/v1/surveys/nope/tallies", { headers: organizer });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "survey_not_found" } });
  });
});
