import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PopulationSets, PopulationSummary } from "../../src/contract/population";
import { Tallies } from "../../src/contract/tallies";
import type { Response } from "../../src/domain/response";
import { readPopulationCsv } from "../../src/server/weights/population-csv";
import {
  describeEachStorage,
  fixtureSurveys,
  makeResponse,
  openApp,
  organizer,
  postJson,
  SURVEY,
} from "./support";

const def = fixtureSurveys().latestOf(SURVEY);
if (!def) throw new Error("no fixture survey");

const problemsOf = (text: string) => {
  try {
    readPopulationCsv(text, def);
  } catch (e) {
    return (e as { problems: { path: string; message: string }[] }).problems;
  }
  throw new Error("expected the CSV to be refused");
};

describe("population CSV", () => {
  it("reads Excel's output: BOM, CRLF, a quoted number with a thousands separator, blank lines", () => {
    const csv = '\uFEFFq_area,population\r\nnorth,"1,200"\r\n\r\nsouth,800\r\neast,0\r\n';
    const { dimensions, cells } = readPopulationCsv(csv, def);
    expect(dimensions).toEqual(["q_area"]);
    expect([...cells]).toEqual([
      ["north", 1200],
      ["south", 800],
      ["east", 0],
    ]);
  });

  it("makes cells of two questions in the header's order, whatever the population column's place", () => {
    const { dimensions, cells } = readPopulationCsv("population,q_prepared,q_area\n10,yes,north\n", def);
    expect(dimensions).toEqual(["q_prepared", "q_area"]);
    expect([...cells]).toEqual([["yes|north", 10]]);
  });

  it("names each bad row's line and column and refuses the whole file", () => {
    const csv = "q_area,population\nnorth,600\nwest,100\nsouth,abc\nnorth,5\neast\n";
    expect(problemsOf(csv)).toEqual([
      { path: "line 3, column 1", message: expect.stringContaining('"west" is not an option of q_area') },
      { path: "line 4, column 2", message: expect.stringContaining('"abc" is not a number') },
      { path: "line 5", message: "the cell north is already on line 2" },
      { path: "line 6", message: "1 fields where the header has 2" },
    ]);
  });

  it.each([
    ["q_area,people\nnorth,1\n", "line 1", 'needs a "population" column'],
    ["q_comment,population\nx,1\n", "line 1, column 1", "is a text question"],
    ["q_nope,population\nx,1\n", "line 1, column 1", "is not a question"],
    ["q_area,q_area,population\n", "line 1, column 2", "second column"],
    ["q_area,population\n", "line 2", "no cells"],
    ['q_area,population\nnorth,"12\n', "line 2", "never closed"],
    ["q_area,population\nnorth,-5\n", "line 2, column 2", "not a number"],
  ])("refuses %j at %s", (csv, path, message) => {
    const [first] = problemsOf(csv);
    expect(first?.path).toBe(path);
    expect(first?.message).toContain(message);
  });
});

describeEachStorage("population totals and weighted tallies", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  // makeResponse's answers are of FY2025 (submitted 2025-06-01).
  const upload = (csv: string, wave: number | string = 2025) =>
    app.request(`/api/v1/surveys/${SURVEY}/population?wave=${wave}`, {
      method: "POST",
      headers: { ...organizer, "Content-Type": "text/csv" },
      body: csv,
    });
  const store = async (responses: Response[]) => {
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    expect(res.status).toBe(200);
  };
  const many = (count: number, answers: Response["answers"]) =>
    Array.from({ length: count }, () => makeResponse({ answers }));

  it("stores an upload, replaces it with the next, and refuses a bad one with 422 keeping the last", async () => {
    expect((await upload("q_area,population\nnorth,600\nsouth,400\n")).status).toBe(200);
    const res = await upload("q_area,population\nnorth,700\nsouth,300\neast,100\n");
    expect(PopulationSummary.parse(await res.json())).toMatchObject({ dimensions: ["q_area"], total: 1100 });
    const bad = await upload("q_area,population\nwest,1\n");
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid_population_csv", problems: [{ path: "line 2, column 1" }] },
    });
    const stored = await app.request(`/api/v1/surveys/${SURVEY}/population?wave=2025`, {
      headers: organizer,
    });
    expect(PopulationSummary.parse(await stored.json()).cells).toEqual([
      { cell: "east", population: 100 },
      { cell: "north", population: 700 },
      { cell: "south", population: 300 },
    ]);
    expect((await upload("")).status).toBe(422);
    const anonymous = await app.request(`/api/v1/surveys/${SURVEY}/population`, {
      method: "POST",
      body: "x",
    });
    expect(anonymous.status).toBe(401);
  });

  it("puts the post-stratified estimate beside the unweighted one (hand-computed)", async () => {
    // north: 8 yes, 2 no (+5 わからない, outside the base); south: 12 yes, 18 no. Unweighted 20/40 = 50%.
    // Population north 600, south 400, east 200 (no respondents: its share goes to the others).
    // Weighted p = 0.6·0.8 + 0.4·0.4 = 64%; n_eff = 1 / (0.6²/10 + 0.4²/30) = 24.1935;
    // Wilson at n_eff: [44.2104, 79.9529]. Against the ≥ 70% target: not met.
    await store([
      ...many(8, { q_prepared: "yes", q_area: "north" }),
      ...many(2, { q_prepared: "no", q_area: "north" }),
      ...many(5, { q_prepared: "dk", q_area: "north" }),
      ...many(12, { q_prepared: "yes", q_area: "south" }),
      ...many(18, { q_prepared: "no", q_area: "south" }),
    ]);
    const before = Tallies.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=2025`, { headers: organizer })).json(),
    );
    expect(before.indicators[0]).not.toHaveProperty("weighted");
    expect((await upload("q_area,population\nnorth,600\nsouth,400\neast,200\n")).status).toBe(200);
    const t = Tallies.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=2025`, { headers: organizer })).json(),
    );
    const [prepared] = t.indicators;
    expect(prepared).toMatchObject({ n: 40, positive: 20, percent: 50 });
    const weighted = prepared?.weighted;
    expect(weighted).toMatchObject({ n: 40, cellsWithoutRespondents: ["east"], verdict: "not_met" });
    expect(weighted?.percent).toBeCloseTo(64, 10);
    expect(weighted?.nEffective).toBeCloseTo(24.1935, 4);
    expect(weighted?.ci95?.[0]).toBeCloseTo(44.2104, 3);
    expect(weighted?.ci95?.[1]).toBeCloseTo(79.9529, 3);
  });

  const problem = async (res: globalThis.Response) =>
    ((await res.json()) as { error: { code: string; message: string; problems: { path: string }[] } }).error;

  it("refuses a file that leaves out, or gives 0 to, a cell with respondents, naming each such cell", async () => {
    // 43.7% read 40.2% when a file left out an age group: its respondents silently left the estimate.
    await store([
      ...many(6, { q_prepared: "yes", q_area: "north" }),
      ...many(6, { q_prepared: "no", q_area: "south" }),
      ...many(3, { q_prepared: "yes", q_area: "east" }),
    ]);
    const left = await upload("q_area,population\nnorth,600\nsouth,400\n");
    expect(left.status).toBe(422);
    const error = await problem(left);
    expect(error.code).toBe("population_cells_missing");
    expect(error.message).toContain("q_area=east");
    expect(error.problems.map((p) => p.path)).toEqual(["q_area=east"]);

    const zero = await upload("q_area,population\nnorth,600\nsouth,0\neast,100\n");
    expect(zero.status).toBe(422);
    expect((await problem(zero)).problems.map((p) => p.path)).toEqual(["q_area=south"]);

    // Two questions: every cell with respondents is named, not just the first.
    const two = await upload("q_area,q_prepared,population\nnorth,yes,10\nnorth,no,10\nsouth,yes,10\n");
    expect(two.status).toBe(422);
    const both = await problem(two);
    expect(both.problems.map((p) => p.path)).toEqual([
      "q_area=east × q_prepared=yes",
      "q_area=south × q_prepared=no",
    ]);
    for (const p of both.problems) expect(both.message).toContain(p.path);
    // Nothing was stored by the refusals; a file with a population for every such cell is taken.
    const stored = await app.request(`/api/v1/surveys/${SURVEY}/population?wave=2025`, {
      headers: organizer,
    });
    expect(PopulationSummary.parse(await stored.json()).cells).toEqual([]);
    expect((await upload("q_area,population\nnorth,600\nsouth,400\neast,1\n")).status).toBe(200);
  });

  const fy2024 = (r: Response) => ({ ...r, submittedAt: "2024-06-01T03:00:00.000Z" });

  it("needs the wave of an upload, and checks that wave's respondents only", async () => {
    await store([
      ...many(6, { q_prepared: "yes", q_area: "north" }),
      ...many(2, { q_prepared: "yes", q_area: "east" }).map(fy2024),
    ]);
    const csv = "q_area,population\nnorth,600\n";
    const post = (query: string) =>
      app.request(`/api/v1/surveys/${SURVEY}/population${query}`, {
        method: "POST",
        headers: { ...organizer, "Content-Type": "text/csv" },
        body: csv,
      });
    for (const query of ["", "?wave=", "?wave=26", "?wave=R8", "?wave=2024.5"]) {
      const refused = await post(query);
      expect(refused.status, query).toBe(400);
      const error = await problem(refused);
      expect(error.code).toBe("invalid_query");
      expect(error.problems.map((p) => p.path)).toEqual(["wave"]);
    }
    const fy2024Upload = await upload(csv, 2024);
    expect(fy2024Upload.status).toBe(422);
    const error = await problem(fy2024Upload);
    expect(error.problems.map((p) => p.path)).toEqual(["q_area=east"]);
    expect(error.message).toContain("FY2024");
    expect((await upload(csv, 2025)).status).toBe(200);
    // Nothing of 2024 was stored by its refusal.
    const sets = PopulationSets.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/population`, { headers: organizer })).json(),
    );
    expect(sets.sets.map((s) => s.wave)).toEqual([2025]);
  });

  /** Post-stratified share written out from DESIGN "Indicator math", not from the code under test. */
  const byHand = (cells: { population: number; n: number; positive: number }[]) => {
    const total = cells.reduce((sum, c) => sum + c.population, 0);
    const percent = cells.reduce((sum, c) => sum + (c.population / total) * (c.positive / c.n), 0) * 100;
    const nEffective = 1 / cells.reduce((sum, c) => sum + (c.population / total) ** 2 / c.n, 0);
    return { percent, nEffective };
  };

  it("weighs each wave by its own register, and pools no weighted estimate across registers", async () => {
    // FY2024: north 9 of 12 yes, south 4 of 16. FY2025: north 3 of 10 yes, south 12 of 15.
    await store([
      ...many(9, { q_prepared: "yes", q_area: "north" }).map(fy2024),
      ...many(3, { q_prepared: "no", q_area: "north" }).map(fy2024),
      ...many(4, { q_prepared: "yes", q_area: "south" }).map(fy2024),
      ...many(12, { q_prepared: "no", q_area: "south" }).map(fy2024),
      ...many(3, { q_prepared: "yes", q_area: "north" }),
      ...many(7, { q_prepared: "no", q_area: "north" }),
      ...many(12, { q_prepared: "yes", q_area: "south" }),
      ...many(3, { q_prepared: "no", q_area: "south" }),
    ]);
    const tallies = async (query: string) =>
      Tallies.parse(
        await (await app.request(`/api/v1/surveys/${SURVEY}/tallies${query}`, { headers: organizer })).json(),
      );
    // Only FY2025's register so far: FY2024 has no weighted estimate, and says so.
    expect((await upload("q_area,population\nnorth,300\nsouth,700\n", 2025)).status).toBe(200);
    const without = await tallies("?wave=2024");
    expect(without.weighting).toEqual({ totals: "none", wave: null, uploadedAt: null });
    expect(without.indicators[0]).not.toHaveProperty("weighted");
    const gotNone = await app.request(`/api/v1/surveys/${SURVEY}/population?wave=2024`, {
      headers: organizer,
    });
    expect(PopulationSummary.parse(await gotNone.json())).toMatchObject({
      wave: 2024,
      source: "none",
      cells: [],
    });

    expect((await upload("q_area,population\nnorth,800\nsouth,200\n", 2024)).status).toBe(200);
    const a = await tallies("?wave=2024");
    const b = await tallies("?wave=2025");
    expect(a.weighting).toMatchObject({ totals: "wave", wave: 2024 });
    expect(b.weighting).toMatchObject({ totals: "wave", wave: 2025 });
    const expected2024 = byHand([
      { population: 800, n: 12, positive: 9 },
      { population: 200, n: 16, positive: 4 },
    ]);
    const expected2025 = byHand([
      { population: 300, n: 10, positive: 3 },
      { population: 700, n: 15, positive: 12 },
    ]);
    // 0.8·0.75 + 0.2·0.25 = 65%, and 0.3·0.3 + 0.7·0.8 = 65%: the same share from other registers.
    expect(expected2024.percent).toBeCloseTo(65, 10);
    expect(a.indicators[0]?.weighted?.percent).toBeCloseTo(expected2024.percent, 10);
    expect(a.indicators[0]?.weighted?.nEffective).toBeCloseTo(expected2024.nEffective, 10);
    expect(b.indicators[0]?.weighted?.percent).toBeCloseTo(expected2025.percent, 10);
    expect(b.indicators[0]?.weighted?.nEffective).toBeCloseTo(expected2025.nEffective, 10);
    // Weighted by the other wave's register, FY2025 would read 0.8·0.3 + 0.2·0.8 = 40%.
    expect(b.indicators[0]?.weighted?.percent).not.toBeCloseTo(40, 1);

    const pooled = await tallies("");
    expect(pooled.weighting).toEqual({ totals: "not_pooled", wave: null, uploadedAt: null });
    expect(pooled.indicators[0]).not.toHaveProperty("weighted");

    const sets = PopulationSets.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/population`, { headers: organizer })).json(),
    );
    expect(sets.sets.map((s) => [s.wave, s.cells, s.total])).toEqual([
      [2024, 2, 1000],
      [2025, 2, 1000],
    ]);
    // tallies.csv names the wave of the totals on every row.
    const csv = await (
      await app.request(`/api/v1/surveys/${SURVEY}/tallies.csv?wave=2024`, { headers: organizer })
    ).text();
    const [head, first] = csv.replace("\uFEFF", "").split("\r\n");
    const column = head?.split(",").indexOf("weighted_population_wave") ?? -1;
    expect(column).toBeGreaterThan(-1);
    expect(first?.split(",")[column]).toBe("2024");
    const pooledCsv = await (
      await app.request(`/api/v1/surveys/${SURVEY}/tallies.csv`, { headers: organizer })
    ).text();
    expect(pooledCsv.split("\r\n")[1]?.split(",")[column]).toBe("not_pooled");
    // The audit row of an upload names its wave.
    const audit = (await (await app.request("/api/v1/audit?format=json", { headers: organizer })).json()) as {
      entries: { action: string; detail: Record<string, unknown> }[];
    };
    expect(audit.entries.filter((e) => e.action === "population_uploaded").map((e) => e.detail.wave)).toEqual(
      [2024, 2025],
    );
  });

  it("says how many respondents a blank weighting answer leaves out, and keeps them with ?blanks=keep", async () => {
    // As above (north 8/10, south 12/30) plus 6 who left q_area blank: 5 yes, 1 no.
    await store([
      ...many(8, { q_prepared: "yes", q_area: "north" }),
      ...many(2, { q_prepared: "no", q_area: "north" }),
      ...many(12, { q_prepared: "yes", q_area: "south" }),
      ...many(18, { q_prepared: "no", q_area: "south" }),
      ...many(5, { q_prepared: "yes" }),
      ...many(1, { q_prepared: "no" }),
    ]);
    expect((await upload("q_area,population\nnorth,600\nsouth,400\n")).status).toBe(200);
    const tallies = async (query = "") =>
      Tallies.parse(
        await (
          await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=2025&${query.replace(/^\?/, "")}`, {
            headers: organizer,
          })
        ).json(),
      ).indicators[0];
    // exclude (the default): 64% over the 40 with an area, and the 6 are counted, not lost.
    const excluded = await tallies();
    expect(excluded).toMatchObject({ n: 46, positive: 25 });
    expect(excluded?.weighted).toMatchObject({
      n: 40,
      blanks: "exclude",
      leftOut: { blankAnswer: 6, noPopulation: 0 },
    });
    expect(excluded?.weighted?.percent).toBeCloseTo(64, 10);
    // keep: the 6 weigh as their share of the 46 (6/46), the cells share the rest by population:
    // W = 24/46, 16/46, 6/46; p = (24·0.8 + 16·0.4 + 6·5/6) / 46 = 30.6/46 = 66.5217%;
    // n_eff = 1 / Σ W²/n = 29.3346; Wilson at n_eff: [48.4368, 80.7805].
    const kept = await tallies("?blanks=keep");
    expect(kept?.weighted).toMatchObject({ n: 46, blanks: "keep", leftOut: { blankAnswer: 0 } });
    expect(kept?.weighted?.percent).toBeCloseTo(66.5217, 4);
    expect(kept?.weighted?.nEffective).toBeCloseTo(29.3346, 4);
    expect(kept?.weighted?.ci95?.[0]).toBeCloseTo(48.4368, 3);
    expect(kept?.weighted?.ci95?.[1]).toBeCloseTo(80.7805, 3);
    const bad = await app.request(`/api/v1/surveys/${SURVEY}/tallies?blanks=spread`, { headers: organizer });
    expect(bad.status).toBe(400);
  });

  it("counts respondents who arrived after the upload in a cell without population as left out", async () => {
    await store(many(10, { q_prepared: "yes", q_area: "north" }));
    expect((await upload("q_area,population\nnorth,600\n")).status).toBe(200);
    await store(many(7, { q_prepared: "no", q_area: "south" }));
    const t = Tallies.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=2025`, { headers: organizer })).json(),
    );
    expect(t.indicators[0]?.weighted?.leftOut).toEqual({ blankAnswer: 0, noPopulation: 7 });
  });

  it("withholds the weighted estimate while a group of its weighting question is hidden, whatever the table", async () => {
    // north 10, south 12, east 3 (hidden, with south as its complement). A table that puts nearly
    // all its weight on east would publish east's percent and n (≈ n_eff) outright; an even one
    // solves east and south from the weighted percent and n_eff with total − shown.
    await store([
      ...many(6, { q_prepared: "yes", q_area: "north" }),
      ...many(4, { q_prepared: "no", q_area: "north" }),
      ...many(5, { q_prepared: "yes", q_area: "south" }),
      ...many(7, { q_prepared: "no", q_area: "south" }),
      ...many(2, { q_prepared: "yes", q_area: "east" }),
      ...many(1, { q_prepared: "no", q_area: "east" }),
    ]);
    const tallies = async (query: string) =>
      Tallies.parse(
        await (
          await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=2025&${query.replace(/^\?/, "")}`, {
            headers: organizer,
          })
        ).json(),
      ).indicators[0];
    for (const table of ["north,1\nsouth,1\neast,1000000", "north,500\nsouth,400\neast,300"]) {
      expect((await upload(`q_area,population\n${table}\n`)).status).toBe(200);
      for (const query of ["", "?by=q_area", "?by=mode", "?wave=2025", "?blanks=keep"])
        expect((await tallies(query))?.weighted, query).toEqual({
          suppressed: true,
          n: null,
          nEffective: null,
          percent: null,
          ci95: null,
          verdict: null,
          cellsWithoutRespondents: [],
          blanks: query === "?blanks=keep" ? "keep" : "exclude",
          leftOut: null,
        });
    }
    // With east grown past the minimum cell nothing is hidden, and the estimate is back.
    await store(many(2, { q_prepared: "no", q_area: "east" }));
    expect((await tallies(""))?.weighted).toMatchObject({ suppressed: false, n: 27 });
  });
});
