import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Trend } from "../../src/contract/trend";
import { SurveyDefinition } from "../../src/domain/definition";
import type { Response } from "../../src/domain/response";
import type { Storage } from "../../src/server/storage";
import { createSurveyRegistry, type SurveyRegistry } from "../../src/server/surveys";
import {
  describeEachStorage,
  FIXTURES,
  ingestAsStaff,
  makeResponse,
  openApp,
  organizer,
  SURVEY,
} from "./support";

/**
 * Two versions of one survey: "prepared" is the same in both; "stocked" (an indicator on q_area,
 * standing for any single-choice question) counts north alone in v1 and north or south in v2, so its
 * 2024 (v1) and 2025 (v2) shares measure different things.
 */
function twoVersions(): SurveyRegistry {
  const base = JSON.parse(readFileSync(join(FIXTURES, "surveys", "ward-test-v2.json"), "utf8"));
  const stocked = (positive: string[]) => ({
    id: "stocked",
    label: { ja: "北部の割合", en: "Share in the north" },
    questionId: "q_area",
    positive,
    excludeFromBase: [],
  });
  const version = (n: number, positive: string[]) =>
    SurveyDefinition.parse({ ...base, version: n, indicators: [...base.indicators, stocked(positive)] });
  return createSurveyRegistry([version(1, ["north"]), version(2, ["north", "south"])]);
}

describeEachStorage("the trend across versions: a changed indicator breaks its series", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant, twoVersions()));
  });
  afterEach(async () => dispose());

  const answers = (count: number, surveyVersion: number, fy: number, a: Response["answers"]) =>
    Array.from({ length: count }, () =>
      makeResponse({ surveyVersion, submittedAt: `${fy}-06-01T00:00:00Z`, answers: a }),
    );
  const get = async (path: string) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer });
    expect(res.status).toBe(200);
    return res;
  };

  // FY2024 on v1: 3 of 10 prepared and in the north. FY2025 and FY2026 on v2: 8 of 10 prepared and
  // in the north; then 7 of 10.
  beforeEach(async () => {
    const wave = (fy: number, version: number, yes: number) => [
      ...answers(yes, version, fy, { q_prepared: "yes", q_area: "north" }),
      ...answers(10 - yes, version, fy, { q_prepared: "no", q_area: "east" }),
    ];
    const { results } = await ingestAsStaff(storage, surveys, [
      ...wave(2024, 1, 3),
      ...wave(2025, 2, 8),
      ...wave(2026, 2, 7),
    ]);
    expect(results.every((r) => r.status === "accepted")).toBe(true);
  });

  it("marks the break at FY2025 with its reason and no change, while the unchanged indicator keeps its change", async () => {
    const trend = Trend.parse(await (await get("trend")).json());
    expect(trend.waves).toEqual([2024, 2025, 2026]);
    const points = (id: string) => trend.indicators.find((i) => i.id === id)?.points ?? [];

    const [s2024, s2025, s2026] = points("stocked");
    expect(s2024).toMatchObject({ n: 10, positive: 3, seriesBreak: null, change: null });
    expect(s2025).toMatchObject({
      n: 10,
      positive: 8,
      seriesBreak: { fromWave: 2024, reasons: ["positive_changed"] },
      change: null,
    });
    // 2025 and 2026 were both answered on v2: the series goes on, and so does the change.
    expect(s2026?.seriesBreak).toBeNull();
    expect(s2026?.change).toMatchObject({ fromWave: 2025, significant: false });
    expect(s2026?.change?.points).toBeCloseTo(-10, 10);

    const [p2024, p2025] = points("prepared");
    expect(p2024?.seriesBreak).toBeNull();
    expect(p2025?.seriesBreak).toBeNull();
    expect(p2025?.change).toMatchObject({ fromWave: 2024, points: 50, significant: true });
  });

  it("breaks when a wave mixes versions: a v1 answer held on a device and sent in FY2026", async () => {
    await ingestAsStaff(storage, surveys, answers(1, 1, 2026, { q_prepared: "yes", q_area: "north" }));
    const trend = Trend.parse(await (await get("trend")).json());
    const stocked = trend.indicators.find((i) => i.id === "stocked")?.points ?? [];
    expect(stocked[2]).toMatchObject({
      wave: 2026,
      seriesBreak: { fromWave: 2025, reasons: ["positive_changed"] },
      change: null,
    });
  });

  it("carries the break in tallies.csv: the wave before it and the reason, on the total and each group", async () => {
    const rowsOf = async (query: string) => {
      const text = new TextDecoder().decode(
        new Uint8Array(await (await get(`tallies.csv?${query}`)).arrayBuffer()),
      );
      return text
        .slice(1)
        .split("\r\n")
        .filter(Boolean)
        .map((line) => line.split(","));
    };
    const cells = (rows: string[][], indicator: string, group = "") => {
      const header = rows[0] ?? [];
      const row = rows.find((r) => r[0] === indicator && r[header.indexOf("group")] === group);
      return [row?.[header.indexOf("series_break_from_wave")], row?.[header.indexOf("series_break")]];
    };
    const fy2025 = await rowsOf("wave=2025&by=mode");
    expect(cells(fy2025, "stocked")).toEqual(["2024", "positive_changed"]);
    expect(cells(fy2025, "stocked", "self")).toEqual(["2024", "positive_changed"]);
    expect(cells(fy2025, "prepared")).toEqual(["", ""]);
    // FY2026 continues FY2025 (both v2); every wave pooled spans the break.
    expect(cells(await rowsOf("wave=2026"), "stocked")).toEqual(["", ""]);
    expect(cells(await rowsOf(""), "stocked")).toEqual(["2024", "positive_changed"]);
  });
});
