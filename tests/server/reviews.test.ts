import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ReviewResult, ReviewSummary } from "../../src/contract/reviews";
import { Tallies } from "../../src/contract/tallies";
import type { Storage } from "../../src/server/storage";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

describeEachStorage("an analyst counts or excludes what was held", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const prepared = async (wave: number) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=${wave}`, { headers: organizer });
    const indicator = Tallies.parse(await res.json()).indicators.find((i) => i.id === "prepared");
    return { n: indicator?.n, positive: indicator?.positive };
  };
  const review = async (body: unknown) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/reviews`, postJson(body, organizer));
    return { status: res.status, body: await res.json() };
  };
  const summary = async () => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/reviews`, { headers: organizer });
    return ReviewSummary.parse(await res.json()).groups;
  };

  it("lists a wrong clock's answer as held, counts it on release, and drops it again on exclusion", async () => {
    const honest = makeResponse({ submittedAt: "2025-06-01T03:00:00.000Z", answers: { q_prepared: "no" } });
    const wrongClock = makeResponse({ submittedAt: "9999-01-01T00:00:00Z", answers: { q_prepared: "yes" } });
    const arrived = new Date().getUTCFullYear();
    const res = await app.request("/api/v1/responses", postJson({ responses: [honest, wrongClock] }));
    expect(res.status).toBe(200);
    const groups = await summary();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ state: "held", reason: "clock", n: 1 });
    const wave = groups[0]?.wave as number;
    expect([arrived - 1, arrived]).toContain(wave); // the fiscal year it arrived in
    const before = await prepared(wave);

    const released = await review({
      filter: { state: "held", reason: "clock" },
      state: "counted",
      reason: "the tablet's clock was wrong; the answers are real",
    });
    expect(released).toMatchObject({ status: 200, body: { changed: 1, matched: 1 } });
    expect(await summary()).toEqual([]);
    expect(await prepared(wave)).toEqual({ n: (before.n ?? 0) + 1, positive: (before.positive ?? 0) + 1 });
    // Again: nothing left to change.
    expect(
      ReviewResult.parse((await review({ ids: [wrongClock.id], state: "counted", reason: "again" })).body),
    ).toEqual({
      changed: 0,
      matched: 1,
    });

    const excluded = await review({
      ids: [wrongClock.id, honest.id],
      state: "excluded",
      reason: "staff training",
    });
    expect(excluded.body).toMatchObject({ changed: 2, matched: 2 });
    expect(await prepared(wave)).toEqual(before.n === 0 ? { n: 0, positive: 0 } : before);
    expect(await prepared(2025)).toEqual({ n: 0, positive: 0 });
    expect(await storage.reviewStatesOf([honest.id, wrongClock.id, "nope"])).toEqual([
      "excluded",
      "excluded",
      undefined,
    ]);
    expect((await summary()).map((g) => [g.state, g.reason, g.n])).toEqual(
      expect.arrayContaining([["excluded", "staff training", expect.any(Number)]]),
    );
    // Excluded answers are not exported either.
    const csv = await (
      await app.request(`/api/v1/surveys/${SURVEY}/responses.csv`, { headers: organizer })
    ).text();
    expect(csv).not.toContain(honest.id);
  });

  it("refuses a review that names both ids and a filter, or neither, or no reason, saying which", async () => {
    for (const body of [
      { ids: [makeResponse().id], filter: { state: "held" }, state: "counted", reason: "x" },
      { state: "counted", reason: "x" },
      { ids: [makeResponse().id], state: "counted", reason: "  " },
      { ids: ["not-a-uuid"], state: "counted", reason: "x" },
      { ids: [makeResponse().id], state: "deleted", reason: "x" },
    ]) {
      const { status, body: answer } = await review(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(answer.error.code).toBe("invalid_body");
    }
  });

  it("needs an organizer, and a survey that exists", async () => {
    const anonymous = await app.request(
      `/api/v1/surveys/${SURVEY}/reviews`,
      postJson({ filter: { state: "held" }, state: "counted", reason: "x" }),
    );
    expect(anonymous.status).toBe(401);
    expect((await app.request("/api/v1/surveys/nope/reviews", { headers: organizer })).status).toBe(404);
  });
});
