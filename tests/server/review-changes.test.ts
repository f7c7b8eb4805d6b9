import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { AuditList } from "../../src/contract/audit";
import { ResponseCounts } from "../../src/contract/counts";
import { ReviewResult, ReviewSummary } from "../../src/contract/reviews";
import { Tallies } from "../../src/contract/tallies";
import type { Response } from "../../src/domain/response";
import type { Storage } from "../../src/server/storage";
import type { SurveyRegistry } from "../../src/server/surveys";
import {
  describeEachStorage,
  ingestAsStaff,
  makeResponse,
  openApp,
  organizer,
  postJson,
  SURVEY,
} from "./support";

describeEachStorage("review changes by filter, with notes, undone", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  let online: Response[];
  let rehearsal: Response[];
  let festival: Response[];
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant));
    online = [0, 1, 2].map((i) =>
      makeResponse({ submittedAt: `2025-06-0${i + 1}T03:00:00.000Z`, answers: { q_prepared: "yes" } }),
    );
    const kiosk = (eventId: string, day: number) =>
      makeResponse({
        mode: "kiosk",
        eventId,
        deviceId: "tablet-1",
        submittedAt: `2025-07-${String(day).padStart(2, "0")}T01:00:00.000Z`,
        answers: { q_prepared: "no" },
      });
    rehearsal = [kiosk("rehearsal", 10), kiosk("rehearsal", 10)];
    festival = [kiosk("festival", 20), kiosk("festival", 21), kiosk("festival", 22)];
    const { results } = await ingestAsStaff(storage, surveys, [...online, ...rehearsal, ...festival]);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill("accepted"));
  });
  afterEach(async () => dispose());

  const review = async (body: unknown) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/reviews`, postJson(body, organizer));
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
    };
  };
  const undo = async (changeId: string, reason = "a mistake") => {
    const res = await app.request(
      `/api/v1/surveys/${SURVEY}/reviews/${changeId}/undo`,
      postJson({ reason }, organizer),
    );
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
    };
  };
  const prepared = async () => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies`, { headers: organizer });
    const indicator = Tallies.parse(await res.json()).indicators.find((i) => i.id === "prepared");
    return { n: indicator?.n, positive: indicator?.positive };
  };
  const counted = async () => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/counts`, { headers: organizer });
    return ResponseCounts.parse(await res.json());
  };
  const csv = async (query = "") =>
    (await app.request(`/api/v1/surveys/${SURVEY}/responses.csv${query}`, { headers: organizer })).text();
  const audit = async () => {
    const res = await app.request("/api/v1/audit", { headers: organizer });
    return AuditList.parse(await res.json()).entries;
  };

  it("excludes an event's responses with a note: out of tallies, CSVs and counts, back when undone", async () => {
    const countsBefore = JSON.stringify(await counted());
    expect(await prepared()).toEqual({ n: 8, positive: 3 });
    const excluded = await review({
      filter: { mode: "kiosk", eventId: "rehearsal" },
      state: "excluded",
      reason: "test",
      note: "staff rehearsal before the festival",
    });
    expect(excluded.status).toBe(200);
    const { changed, changeId } = ReviewResult.parse(excluded.body);
    expect(changed).toBe(2);
    expect(await prepared()).toEqual({ n: 6, positive: 3 });
    expect(JSON.stringify(await counted())).not.toEqual(countsBefore);
    const counting = await csv();
    for (const r of rehearsal) expect(counting).not.toContain(r.id);
    // An export may include the others, each with its state and reason.
    const everything = await csv("?review=all");
    expect(everything.split("\r\n")[0]).toContain("reviewState,reviewReason");
    for (const r of rehearsal) expect(everything).toMatch(new RegExp(`${r.id},[^\\r]*,excluded,test,`));
    const entry = (await audit()).find((e) => e.action === "review_changed");
    expect(entry?.detail).toMatchObject({
      changeId,
      note: "staff rehearsal before the festival",
      changed: 2,
    });

    const summary = ReviewSummary.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/reviews`, { headers: organizer })).json(),
    );
    expect(summary.changes.map((c) => [c.id, c.n, c.undoneBy])).toEqual([[changeId, 2, null]]);

    const undone = await undo(changeId as string);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ changed: 2 });
    expect(await prepared()).toEqual({ n: 8, positive: 3 });
    expect(JSON.stringify(await counted())).toEqual(countsBefore);
    for (const r of rehearsal) expect(await csv()).toContain(r.id);
    expect((await audit()).find((e) => e.action === "review_undone")?.detail).toMatchObject({
      undoes: changeId,
      restored: 2,
    });
    // Twice is refused, saying by what; the undo itself can be undone.
    expect((await undo(changeId as string)).body.error?.code).toBe("review_already_undone");
    expect((await undo(undone.body.changeId as string)).body).toMatchObject({ changed: 2 });
    expect(await prepared()).toEqual({ n: 6, positive: 3 });
  });

  it("moves a device's responses in a time range only, and an undo keeps what moved since", async () => {
    const held = await review({
      filter: { deviceId: "tablet-1", from: "2025-07-20T00:00:00Z", to: "2025-07-22T00:00:00Z" },
      state: "held",
      reason: "invalid",
    });
    expect(held.body).toMatchObject({ changed: 2, matched: 2 });
    expect(await storage.reviewStatesOf(festival.map((r) => r.id))).toEqual(["held", "held", "counted"]);
    // An analyst then excludes one of the two: the undo leaves that one as it is now.
    const festival0 = festival[0] as Response;
    await review({ ids: [festival0.id], state: "excluded", reason: "duplicate person" });
    expect((await undo(held.body.changeId as string)).body).toMatchObject({ changed: 1 });
    expect(await storage.reviewStatesOf(festival.map((r) => r.id))).toEqual([
      "excluded",
      "counted",
      "counted",
    ]);
  });

  it("answers ids that do not exist and a filter that matches nothing clearly, changing nothing", async () => {
    const auditBefore = (await audit()).length;
    const ghost = makeResponse().id;
    const known = online[0] as Response;
    const unknown = await review({ ids: [known.id, ghost], state: "excluded", reason: "test" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      error: {
        code: "responses_not_found",
        problems: [{ path: "ids[1]", message: `${ghost} is not stored` }],
      },
    });
    expect(await storage.reviewStatesOf([known.id])).toEqual(["counted"]);

    const nothing = await review({ filter: { eventId: "no-such-event" }, state: "excluded", reason: "test" });
    expect(nothing.status).toBe(422);
    expect(nothing.body.error?.code).toBe("nothing_matched");
    expect((await undo("0190c6a0-0000-7000-8000-000000000000")).status).toBe(404);
    // A filter of nothing would be every response: refused as a body, with where.
    const empty = await review({ filter: {}, state: "excluded", reason: "test" });
    expect(empty.status).toBe(400);
    expect((await audit()).length).toBe(auditBefore);
    expect(await prepared()).toEqual({ n: 8, positive: 3 });
  });
});
