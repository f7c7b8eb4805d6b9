import { join } from "node:path";
import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../src/domain/definition";
import { loadSurveyRegistry, SurveyFileError } from "../../src/server/surveys";
import { describeEachStorage, FIXTURES, openApp, SURVEY } from "./support";

describe("the survey registry", () => {
  it("loads every version and finds one by (id, version) and the latest by id", () => {
    const surveys = loadSurveyRegistry([join(FIXTURES, "surveys"), join(FIXTURES, "no-such-dir")]);
    expect(surveys.latestOf(SURVEY)?.version).toBe(2);
    expect(surveys.get(SURVEY, 1)?.version).toBe(1);
    expect(surveys.get(SURVEY, 3)).toBeUndefined();
    expect(surveys.versionsOf(SURVEY).map((d) => d.version)).toEqual([2, 1]);
    expect(surveys.summaries()).toEqual([
      {
        id: SURVEY,
        version: 2,
        title: { ja: "テスト区民アンケート", en: "Test ward survey" },
        locales: ["ja", "en"],
      },
    ]);
  });

  it("refuses a bad file, naming the file and each problem's path", () => {
    const dir = join(FIXTURES, "bad");
    expect(() => loadSurveyRegistry([dir])).toThrow(SurveyFileError);
    expect(() => loadSurveyRegistry([dir])).toThrow(
      `${join(dir, "broken-survey.json")}: not a valid survey definition: indicators.0.positive.0: "zzz" is not an option of "q_one"`,
    );
  });

  it("refuses the same id and version in two files", () => {
    expect(() => loadSurveyRegistry([join(FIXTURES, "surveys"), join(FIXTURES, "surveys")])).toThrow(
      /ward-test-v1\.json: survey ward-test version 1 is already defined in .*ward-test-v1\.json/,
    );
  });
});

describeEachStorage("public routes", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  it("GET /api/v1/health names the storage", async () => {
    const res = await app.request("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, storage: variant.name });
  });

  it("GET /api/v1/surveys lists summaries of the latest versions", async () => {
    const body = (await (await app.request("/api/v1/surveys")).json()) as {
      surveys: { id: string; version: number }[];
    };
    expect(body.surveys.map((s) => [s.id, s.version])).toEqual([[SURVEY, 2]]);
  });

  it("GET /api/v1/surveys/:id answers the latest definition, or ?version=N", async () => {
    const latest = await app.request(`/api/v1/surveys/${SURVEY}`);
    expect(latest.status).toBe(200);
    const def = SurveyDefinition.parse(await latest.json());
    expect(def.version).toBe(2);
    const v1 = SurveyDefinition.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}?version=1`)).json(),
    );
    expect(v1.version).toBe(1);
  });

  it.each([
    ["/api/v1/surveys/nope", 404, "survey_not_found"],
    [`/api/v1/surveys/${SURVEY}?version=7`, 404, "survey_not_found"],
    [`/api/v1/surveys/${SURVEY}?version=two`, 400, "invalid_query"],
    ["/api/v1/nothing-here", 404, "not_found"],
  ])("GET %s answers %i %s", async (path, status, code) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
  });
});
