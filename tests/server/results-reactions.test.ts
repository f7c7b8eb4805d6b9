import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Tallies } from "../../src/contract/tallies";
import { SurveyDefinition } from "../../src/domain/definition";
import type { Response } from "../../src/domain/response";
import {
  describeEachStorage,
  ingestAsStaff,
  makeResponse,
  openApp,
  organizer,
  postJson,
  SURVEY,
} from "./support";

const FY = 2025;
const REACTIONS = `${SURVEY}-reactions`;
const ORIGIN = "http://localhost";
const answers = (n: number, fy = FY): Response[] =>
  Array.from({ length: n }, (_, i) =>
    makeResponse({ submittedAt: `${fy}-07-01T03:00:00.000Z`, answers: { q_prepared: i % 2 ? "yes" : "no" } }),
  );

describeEachStorage("reactions to published results", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  let storage: Parameters<typeof ingestAsStaff>[0];
  let surveys: Parameters<typeof ingestAsStaff>[1];
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant));
    await ingestAsStaff(storage, surveys, [...answers(12), ...answers(12, FY - 1)]);
    expect(
      (await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, postJson({}, organizer))).status,
    ).toBe(201);
  });
  afterEach(async () => dispose());

  const react = (fields: Record<string, string>, headers: Record<string, string> = { Origin: ORIGIN }) =>
    app.request(`${ORIGIN}/api/v1/public/surveys/${SURVEY}/results/${FY}/reactions`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const options = (def: SurveyDefinition, id: string) => {
    const q = def.questions.find((question) => question.id === id);
    return q?.kind === "single" ? q.options.map((o) => o.id) : [];
  };

  it("publishing makes a reactions survey of the indicators and the year, and a new version only for what is new", async () => {
    const survey = await (await app.request(`/api/v1/surveys/${REACTIONS}`)).json();
    const def = SurveyDefinition.parse(survey);
    expect(def.version).toBe(1);
    expect(options(def, "q_indicator")).toEqual(["prepared", "page"]);
    expect(options(def, "q_results_wave")).toEqual([`fy${FY - 1}`, `fy${FY}`]);
    expect(
      (await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, postJson({}, organizer))).status,
    ).toBe(201);
    expect(
      SurveyDefinition.parse(await (await app.request(`/api/v1/surveys/${REACTIONS}`)).json()).version,
    ).toBe(1);
    // A year new to it: the next version, every earlier option kept.
    await ingestAsStaff(storage, surveys, answers(12, FY - 2));
    expect(
      (await app.request(`/api/v1/surveys/${SURVEY}/results/${FY - 2}`, postJson({}, organizer))).status,
    ).toBe(201);
    const next = SurveyDefinition.parse(await (await app.request(`/api/v1/surveys/${REACTIONS}`)).json());
    expect([next.version, options(next, "q_results_wave")]).toEqual([
      2,
      [`fy${FY - 2}`, `fy${FY - 1}`, `fy${FY}`],
    ]);
  });

  it("takes a form without script, says thank you on the page, counts it there and in the organizers' tallies", async () => {
    const page = await (await app.request(`/results/${SURVEY}/${FY}/en`)).text();
    expect(page).toContain(`action="/api/v1/public/surveys/${SURVEY}/results/${FY}/reactions"`);
    expect(page).toContain("0 reactions");
    const res = await react({ indicator: "prepared", helpful: "yes", comment: "もっと訓練を", lang: "en" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/results/${SURVEY}/${FY}/en?reacted=prepared#prepared`);
    const after = await (await app.request(`${res.headers.get("Location")}`)).text();
    expect(after).toContain("Thank you. The ward will read it.");
    expect(after).toContain("1 reactions");
    expect((await react({ indicator: "prepared", helpful: "no" })).status).toBe(303);
    const tallies = Tallies.parse(
      await (
        await app.request(`/api/v1/surveys/${REACTIONS}/tallies?by=q_indicator`, { headers: organizer })
      ).json(),
    );
    expect(tallies.indicators[0]).toMatchObject({ id: "helpful", n: 2, positive: 1 });
  });

  it("refuses another site's form, a wrong field (saying which) and JSON", async () => {
    const other = await react(
      { indicator: "prepared", helpful: "yes" },
      { Origin: "https://elsewhere.example" },
    );
    expect(other.status).toBe(403);
    const fetched = await react(
      { indicator: "prepared", helpful: "yes" },
      { Origin: "null", "Sec-Fetch-Site": "cross-site" },
    );
    expect(fetched.status).toBe(403);
    // This site's page under no-referrer: Origin null, and the fetch metadata says same-origin.
    const own = await react(
      { indicator: "prepared", helpful: "yes" },
      { Origin: "null", "Sec-Fetch-Site": "same-origin" },
    );
    expect(own.status).toBe(303);
    const wrong = await react({ indicator: "nope", helpful: "maybe" });
    expect(wrong.status).toBe(400);
    const problems = ((await wrong.json()) as { error: { problems: { path: string }[] } }).error.problems;
    expect(problems.map((p) => p.path)).toEqual(["indicator", "helpful"]);
    const json = await app.request(
      `${ORIGIN}/api/v1/public/surveys/${SURVEY}/results/${FY}/reactions`,
      postJson({ indicator: "prepared", helpful: "yes" }),
    );
    expect(json.status).toBe(415);
    expect((await app.request(`/results/${SURVEY}/${FY}/en`)).ok).toBe(true);
    expect(await (await app.request(`/results/${SURVEY}/${FY}/en`)).text()).toContain("1 reactions");
  });
});
