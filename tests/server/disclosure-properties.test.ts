import fc from "fast-check";
import type { Hono } from "hono";
import { expect, it } from "vitest";
import { ResponseCounts } from "../../src/contract/counts";
import { type IndicatorTally, Tallies } from "../../src/contract/tallies";
import type { Response } from "../../src/domain/response";
import type { OptionCounts } from "../../src/domain/tally";
import { uuidv7 } from "../../src/domain/uuid";
import { postStratify } from "../../src/domain/weighting";
import type { NewResponse, Storage } from "../../src/server/storage";
import { describeEachStorage, openApp, organizer, SURVEY } from "./support";

/**
 * An analyst's attack on the suppression: every figure that one query, or two, publish about a
 * random small data set, solved in exact arithmetic for every hidden cell. A hidden cell is given
 * back when all the assignments consistent with what is published agree on its base n, or on its
 * positive count, and that number is above 0 ("nobody" identifies no one; a total of 0% already
 * says every hidden group has 0 positive).
 *
 * What the attacker knows: every published figure; the population table (it is their upload); and,
 * as DESIGN says, the respondents outside every group (a blank breakdown answer, a response of no
 * event), which other queries publish.
 */

const AREAS = ["north", "south", "east"] as const;
const EVENTS = ["e1", "e2", "e3"] as const;
const WAVES = [null, 2024, 2025] as const;
const INDICATOR = { positive: ["yes"], excludeFromBase: ["dk"] };

interface Row {
  prepared: "yes" | "no" | "dk" | undefined;
  area: (typeof AREAS)[number] | undefined;
  event: (typeof EVENTS)[number] | undefined;
  fy: 2024 | 2025;
}

const arbRow: fc.Arbitrary<Row> = fc.record({
  prepared: fc.constantFrom("yes", "no", "dk", undefined),
  area: fc.constantFrom(...AREAS, undefined),
  event: fc.constantFrom(...EVENTS, undefined),
  fy: fc.constantFrom(2024 as const, 2025 as const),
});

/** A population per area: any size, including one that puts nearly all the weight on one cell, and 0 or absent. */
const arbPopulation = fc.tuple(
  ...AREAS.map(() => fc.option(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 1e7 })))),
);

function toResponse(row: Row): NewResponse {
  const answers: Response["answers"] = {
    ...(row.prepared && { q_prepared: row.prepared }),
    ...(row.area && { q_area: row.area }),
  };
  const response: Response = {
    id: uuidv7(),
    surveyId: SURVEY,
    surveyVersion: 2,
    submittedAt: `${row.fy}-07-01T00:00:00.000Z`,
    locale: "ja",
    mode: row.event ? "kiosk" : "self",
    ...(row.event && { eventId: row.event, deviceId: `d-${row.event}` }),
    answers,
  };
  return {
    response,
    wave: row.fy,
    contentHash: response.id,
    choices: Object.entries(answers).map(([questionId, optionId]) => ({
      questionId,
      optionId: String(optionId),
    })),
  };
}

/** The indicator's base and positive count over some rows. */
const truth = (rows: readonly Row[]) => {
  const base = rows.filter((r) => r.prepared === "yes" || r.prepared === "no");
  return { n: base.length, positive: base.filter((r) => r.prepared === "yes").length };
};
const inScope = (wave: number | null) => (r: Row) => wave === null || r.fy === wave;
const counts = (rows: readonly Row[]): OptionCounts => {
  const t = truth(rows);
  return { yes: t.positive, no: t.n - t.positive };
};

type Weighted = NonNullable<IndicatorTally["weighted"]>;

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === b ||
  (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** Whether a candidate set of cells gives exactly the published weighted figures. */
function sameWeighted(published: Weighted, candidate: ReturnType<typeof postStratify>, withPercent: boolean) {
  return (
    published.n === candidate.n &&
    close(published.nEffective, candidate.nEffective) &&
    JSON.stringify(published.cellsWithoutRespondents) === JSON.stringify(candidate.cellsWithoutRespondents) &&
    (published.leftOut === undefined ||
      published.leftOut === null ||
      JSON.stringify(published.leftOut) === JSON.stringify(candidate.leftOut)) &&
    (!withPercent || close(published.percent, candidate.percent))
  );
}

/** Every way to split `total` into `parts` non-negative integers, each at most its cap. */
function* splits(total: number, caps: readonly number[]): Generator<number[]> {
  if (caps.length === 0) {
    if (total === 0) yield [];
    return;
  }
  const [cap, ...rest] = caps as [number, ...number[]];
  for (let x = 0; x <= Math.min(cap, total); x++)
    for (const tail of splits(total - x, rest)) yield [x, ...tail];
}

interface Recovery {
  cell: string;
  what: "n" | "positive";
  value: number;
  from: string;
}

/**
 * The hidden areas of by=q_area in one wave solved from total − shown and the weighted estimates
 * (n, n_eff, percent, the cells without respondents, the counts left out) of both blank treatments.
 */
function solveAreas(
  rows: readonly Row[],
  table: IndicatorTally,
  weighted: Weighted[],
  population: Map<string, number>,
): Recovery[] {
  const groups = table.groups ?? [];
  const hidden = groups.filter((g) => g.suppressed).map((g) => g.key);
  if (hidden.length === 0 || groups.length < 2) return [];
  const outside = truth(rows.filter((r) => r.area === undefined));
  const shown = groups.filter((g) => !g.suppressed);
  const restN = table.n - outside.n - shown.reduce((s, g) => s + (g.n ?? 0), 0);
  const restPositive = table.positive - outside.positive - shown.reduce((s, g) => s + (g.positive ?? 0), 0);
  const known = new Map<string, OptionCounts>(
    AREAS.filter((a) => !hidden.includes(a)).map((a) => [a, counts(rows.filter((r) => r.area === a))]),
  );
  const total = counts(rows);
  const usable = weighted.filter((w) => w.percent !== null && w.nEffective !== null);
  const survivors: { n: number[]; positive: number[] }[] = [];
  for (const ns of splits(
    restN,
    hidden.map(() => restN),
  )) {
    const cellsOf = (positives: readonly number[]) => {
      const cells = new Map(known);
      hidden.forEach((key, i) => {
        const n = ns[i] as number;
        const p = positives[i] as number;
        if (n > 0) cells.set(key, { yes: p, no: n - p });
      });
      return cells;
    };
    // n_eff, n and the cells without respondents do not depend on the positives: prune on them first.
    const nOnly = cellsOf(ns.map(() => 0));
    if (
      !usable.every((w) =>
        sameWeighted(w, postStratify(INDICATOR, nOnly, population, { total, blanks: w.blanks }), false),
      )
    )
      continue;
    for (const positives of splits(restPositive, ns)) {
      const cells = cellsOf(positives);
      if (
        usable.every((w) =>
          sameWeighted(w, postStratify(INDICATOR, cells, population, { total, blanks: w.blanks }), true),
        )
      )
        survivors.push({ n: ns, positive: positives });
    }
  }
  const recovered: Recovery[] = [];
  hidden.forEach((key, i) => {
    for (const what of ["n", "positive"] as const) {
      const values = new Set(survivors.map((s) => s[what][i]));
      const [value] = values;
      if (values.size === 1 && value !== undefined && value > 0)
        recovered.push({ cell: key, what, value, from: usable.length > 0 ? "weighted" : "total − shown" });
    }
  });
  return recovered;
}

/** A lone hidden group of a table with others: total − shown − outside gives its n. */
function loneHidden(table: IndicatorTally, outsideN: number, label: string): Recovery[] {
  const groups = table.groups ?? [];
  const hidden = groups.filter((g) => g.suppressed);
  if (groups.length < 2 || hidden.length !== 1) return [];
  const n = table.n - outsideN - groups.reduce((s, g) => s + (g.n ?? 0), 0);
  return n > 0 ? [{ cell: `${label} ${hidden[0]?.key}`, what: "n", value: n, from: "total − shown" }] : [];
}

/**
 * /counts against by=event, and against itself: an event (or its one device) that by=event hides
 * must carry no count, and the counts must not give a hidden event back as total − shown.
 */
function countsLeaks(rows: readonly Row[], c: ResponseCounts, eventTable: IndicatorTally): Recovery[] {
  const out: Recovery[] = [];
  const hiddenByEvent = (eventTable.groups ?? []).filter((g) => g.suppressed).map((g) => g.key);
  for (const key of hiddenByEvent) {
    const published = c.byEvent.find((e) => e.eventId === key)?.n;
    const device = c.byDevice.find((d) => d.deviceId === `d-${key}`)?.n;
    const n = rows.filter((r) => r.event === key).length;
    if (typeof published === "number" && published > 0)
      out.push({ cell: `event ${key}`, what: "n", value: published, from: "/counts byEvent" });
    else if (typeof device === "number" && device > 0)
      out.push({ cell: `event ${key}`, what: "n", value: n, from: "/counts byDevice" });
  }
  const total = c.byVersion.reduce((s, v) => s + (v.n ?? 0), 0);
  for (const list of [
    c.byEvent.map((e) => ({ key: e.eventId, n: e.n })),
    c.byDevice.map((d) => ({ key: d.deviceId, n: d.n })),
  ]) {
    const hidden = list.filter((e) => e.n === null);
    const named = list.filter((e) => e.key !== null);
    if (hidden.length === 1 && named.length > 1) {
      const value = total - list.reduce((s, e) => s + (e.n ?? 0), 0);
      if (value > 0)
        out.push({ cell: `counts ${hidden[0]?.key}`, what: "n", value, from: "/counts total − shown" });
    }
  }
  return out;
}

async function attack(app: Hono, rows: readonly Row[], population: Map<string, number>): Promise<Recovery[]> {
  const get = async (path: string) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer });
    expect(res.status).toBe(200);
    return res.json();
  };
  const tally = async (query: Record<string, string>) =>
    Tallies.parse(await get(`tallies?${new URLSearchParams(query)}`)).indicators[0] as IndicatorTally;
  const recovered: Recovery[] = [];
  const byWave = new Map<number | null, Map<string, IndicatorTally>>();
  for (const wave of WAVES) {
    const w: Record<string, string> = wave === null ? {} : { wave: String(wave) };
    const scoped = rows.filter(inScope(wave));
    const tables = new Map<string, IndicatorTally>();
    for (const by of ["q_area", "event", "mode"]) tables.set(by, await tally({ ...w, by }));
    byWave.set(wave, tables);
    const weighted = [await tally(w), await tally({ ...w, blanks: "keep" })]
      .map((t) => t.weighted)
      .filter((x): x is Weighted => x !== undefined);
    const label = `wave ${wave ?? "all"}`;
    const area = tables.get("q_area") as IndicatorTally;
    for (const r of solveAreas(scoped, area, weighted, population))
      recovered.push({ ...r, cell: `${label} q_area ${r.cell}` });
    recovered.push(
      ...loneHidden(
        tables.get("event") as IndicatorTally,
        truth(scoped.filter((r) => !r.event)).n,
        `${label} event`,
      ),
      ...loneHidden(tables.get("mode") as IndicatorTally, 0, `${label} mode`),
    );
    const c = ResponseCounts.parse(await get(`counts?${new URLSearchParams(w)}`));
    for (const r of countsLeaks(scoped, c, tables.get("event") as IndicatorTally))
      recovered.push({ ...r, cell: `${label} ${r.cell}` });
  }
  // Two waves: all waves − the other wave gives a cell hidden in one wave but shown in the rest.
  for (const by of ["q_area", "event", "mode"])
    for (const wave of [2024, 2025]) {
      const other = wave === 2024 ? 2025 : 2024;
      for (const g of byWave.get(wave)?.get(by)?.groups ?? []) {
        if (!g.suppressed) continue;
        const all = byWave
          .get(null)
          ?.get(by)
          ?.groups?.find((x) => x.key === g.key);
        const rest = byWave
          .get(other)
          ?.get(by)
          ?.groups?.find((x) => x.key === g.key);
        if (all && !all.suppressed && !rest?.suppressed) {
          const n = (all.n ?? 0) - (rest?.n ?? 0);
          if (n > 0)
            recovered.push({
              cell: `wave ${wave} ${by} ${g.key}`,
              what: "n",
              value: n,
              from: "all − other wave",
            });
        }
      }
    }
  return recovered;
}

/** Each run opens a fresh database: a schema of its own and its migrations, slower on PostgreSQL. */
const runsOn = (storage: string) => Number(process.env.DISCLOSURE_RUNS ?? (storage === "postgres" ? 20 : 60));

describeEachStorage("no published figure gives a hidden cell back", (variant) => {
  const RUNS = runsOn(variant.name);
  it(`survives the attack on ${RUNS} random data sets`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbRow, { minLength: 4, maxLength: 45 }),
        arbPopulation,
        async (rows, sizes) => {
          const { app, storage, dispose } = await openApp(variant);
          try {
            await (storage as Storage).insertResponses(rows.map(toResponse), "2025-08-01T00:00:00.000Z");
            // Straight into storage, as an upload made before some of these responses came in
            // would leave it: a cell may be absent or 0. In the order storage reads it back.
            const population = new Map<string, number>();
            for (const [i, area] of AREAS.entries()) {
              const size = sizes[i];
              if (size !== null && size !== undefined) population.set(area, size);
            }
            const sorted = new Map([...population].sort(([a], [b]) => (a < b ? -1 : 1)));
            // The same register in both waves: each wave's weighted estimate is attacked (every
            // wave pooled has none while waves have totals of their own).
            if ([...sorted.values()].some((p) => p > 0))
              for (const fy of [2024, 2025])
                await storage.replacePopulation(SURVEY, fy, {
                  dimensions: ["q_area"],
                  cells: sorted,
                  uploadedAt: "2025-08-01T00:00:00.000Z",
                });
            else sorted.clear();
            const recovered = await attack(app, rows, sorted);
            expect(recovered).toEqual([]);
          } finally {
            await dispose();
          }
        },
      ),
      { numRuns: RUNS, ...(process.env.DISCLOSURE_SEED && { seed: Number(process.env.DISCLOSURE_SEED) }) },
    );
  }, 600_000);
});
