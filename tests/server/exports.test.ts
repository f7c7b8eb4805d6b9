import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Tallies } from "../../src/contract/tallies";
import type { Response } from "../../src/domain/response";
import { talliesCsv } from "../../src/server/csv/tallies-csv";
import {
  describeEachStorage,
  fixtureSurveys,
  makeResponse,
  openApp,
  organizer,
  postJson,
  SURVEY,
} from "./support";

describeEachStorage("tallies.csv and policy.csv", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const store = async (responses: Response[]) => {
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    expect(res.status).toBe(200);
  };
  const many = (count: number, overrides: Partial<Response>) =>
    Array.from({ length: count }, () => makeResponse(overrides));
  const download = async (path: string) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it("writes tallies.csv with a BOM and CRLF: the total, then each group, a suppressed one without numbers", async () => {
    // north 5 yes + 1 no (6); south 1 yes + 1 no (2, hidden); east 3 yes + 3 no (6, hidden as complement).
    await store([
      ...many(5, { answers: { q_prepared: "yes", q_area: "north" } }),
      ...many(1, { answers: { q_prepared: "no", q_area: "north" } }),
      ...many(1, { answers: { q_prepared: "yes", q_area: "south" } }),
      ...many(1, { answers: { q_prepared: "no", q_area: "south" } }),
      ...many(3, { answers: { q_prepared: "yes", q_area: "east" } }),
      ...many(3, { answers: { q_prepared: "no", q_area: "east" } }),
    ]);
    const { res, bytes } = await download("tallies.csv?wave=2025&by=q_area");
    expect(res.headers.get("Content-Disposition")).toBe(
      'attachment; filename="ward-test-fy2025-by-q_area-tallies.csv"',
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")).toEqual([
      "indicator,label,wave,by,group,suppressed,n,positive,percent,ci95_low,ci95_high,target,verdict,weighted_percent,weighted_ci95_low,weighted_ci95_high,n_effective,cells_without_respondents,weighted_suppressed,weighted_left_out_blank,weighted_left_out_no_population,series_break_from_wave,series_break,weighted_population_wave",
      // 9/14 = 64.2857…%, Wilson [38.8, 83.7].
      "prepared,防災対策を講じている割合,2025,q_area,,,14,9,64.3,38.8,83.7,>=70,not_met,,,,,,,,,,,",
      "prepared,防災対策を講じている割合,2025,q_area,east,suppressed,,,,,,,,,,,,,,,,,,",
      "prepared,防災対策を講じている割合,2025,q_area,north,,6,5,83.3,43.6,97,,,,,,,,,,,,,",
      "prepared,防災対策を講じている割合,2025,q_area,south,suppressed,,,,,,,,,,,,,,,,,,",
      "",
    ]);
  });

  it("hides in tallies.csv what the JSON hides: the groups, and a weighted estimate that would give one back", async () => {
    // As above, plus population totals by area: with south and east hidden by area, the weighted
    // percent and n_eff would solve them (two equations, two unknowns), so both withhold it.
    await store([
      ...many(5, { answers: { q_prepared: "yes", q_area: "north" } }),
      ...many(1, { answers: { q_prepared: "no", q_area: "north" } }),
      ...many(1, { answers: { q_prepared: "yes", q_area: "south" } }),
      ...many(1, { answers: { q_prepared: "no", q_area: "south" } }),
      ...many(3, { answers: { q_prepared: "yes", q_area: "east" } }),
      ...many(3, { answers: { q_prepared: "no", q_area: "east" } }),
      ...many(2, { answers: { q_prepared: "no" } }),
    ]);
    const upload = await app.request(`/api/v1/surveys/${SURVEY}/population?wave=2025`, {
      method: "POST",
      headers: { ...organizer, "Content-Type": "text/csv" },
      body: "q_area,population\nnorth,500\nsouth,300\neast,200\n",
    });
    expect(upload.status).toBe(200);
    for (const query of ["wave=2025", "wave=2025&by=q_area", "wave=2025&by=mode"]) {
      const json = Tallies.parse(
        await (
          await app.request(`/api/v1/surveys/${SURVEY}/tallies?${query}`, { headers: organizer })
        ).json(),
      );
      const [t] = json.indicators;
      expect(t?.weighted).toMatchObject({ suppressed: true, n: null, percent: null, nEffective: null });
      const { bytes } = await download(`tallies.csv?${query}`);
      const rows = new TextDecoder()
        .decode(bytes.slice(3))
        .split("\r\n")
        .filter(Boolean)
        .map((line) => line.split(","));
      const header = rows[0] ?? [];
      const at = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)];
      const total = rows[1];
      for (const column of ["weighted_percent", "weighted_ci95_low", "weighted_ci95_high", "n_effective"])
        expect(at(total, column)).toBe("");
      expect(at(total, "weighted_suppressed")).toBe("suppressed");
      expect(at(total, "weighted_left_out_blank")).toBe("");
      expect(at(total, "weighted_population_wave")).toBe("2025");
      // Each group row as the JSON has it: a suppressed one with no numbers.
      for (const g of t?.groups ?? []) {
        const row = rows.find((r) => at(r, "group") === g.key);
        expect(at(row, "suppressed")).toBe(g.suppressed ? "suppressed" : "");
        expect(at(row, "n")).toBe(g.n === null ? "" : String(g.n));
        expect(at(row, "positive")).toBe(g.positive === null ? "" : String(g.positive));
      }
    }
  });

  it("writes the operating-policy table: 指標 / 目標 / 実績 / 達成状況 in the ward's words", async () => {
    await store([
      ...many(7, { answers: { q_prepared: "yes" } }),
      ...many(3, { answers: { q_prepared: "no" } }),
    ]);
    const { res, bytes } = await download("policy.csv?wave=2025");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="ward-test-fy2025-policy.csv"');
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      "\uFEFF指標,目標,実績,達成状況,備考\r\n防災対策を講じている割合,70%以上,70.0%,達成,\r\n",
    );
    const empty = await download("policy.csv?wave=2020");
    expect(new TextDecoder().decode(empty.bytes)).toContain("防災対策を講じている割合,70%以上,—,—,\r\n");
  });

  it("refuses both without the organizer token", async () => {
    for (const path of ["tallies.csv", "policy.csv"])
      expect((await app.request(`/api/v1/surveys/${SURVEY}/${path}`)).status).toBe(401);
  });
});

describe("talliesCsv", () => {
  it("neutralises a group key that Excel would run as a formula (= + - @), keeping numbers as numbers", () => {
    const def = fixtureSurveys().latestOf(SURVEY);
    if (!def) throw new Error("no fixture survey");
    const group = (key: string) => ({
      key,
      n: 9,
      positive: 3,
      percent: 100 / 3,
      ci95: [12.1, 64.6] as [number, number],
      suppressed: false,
    });
    const text = talliesCsv(def, {
      surveyId: SURVEY,
      wave: 2025,
      by: "event",
      indicators: [
        {
          id: "prepared",
          n: 18,
          positive: 6,
          percent: 100 / 3,
          ci95: [16.3, 56.3],
          target: { op: ">=", value: 70 },
          verdict: "not_met",
          groups: [group("-2+3"), group("=HYPERLINK(1)"), group("@SUM(A1)"), group("+1")],
        },
      ],
    });
    expect(text).toContain(",event,'-2+3,,9,3,33.3,12.1,64.6,");
    expect(text).toContain(",event,'=HYPERLINK(1),");
    expect(text).toContain(",event,'@SUM(A1),");
    expect(text).toContain(",event,'+1,");
    expect(
      text
        .split("\r\n")
        .filter(Boolean)
        .every((line) => line.split(",").length === 24),
    ).toBe(true);
  });
});
