import fc from "fast-check";
import { expect, it } from "vitest";
import { ChoiceShares } from "../../src/contract/choices";
import { Tallies } from "../../src/contract/tallies";
import { Trend } from "../../src/contract/trend";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import type { Storage } from "../../src/server/storage";
import { computeChoices } from "../../src/server/tallies/choices";
import { computeTallies } from "../../src/server/tallies/compute";
import { computeTrend } from "../../src/server/tallies/trend";
import { memoryCounts } from "./memory-counts";
import { describeEachStorage, ingestAsStaff, openApp, organizer, SURVEY } from "./support";

const WAVES = [null, 2024, 2025, 2026] as const;
const BYS = [null, "q_area", "mode", "event"] as const;
const dimensionOf = (by: string) =>
  by === "mode" || by === "event" ? ({ kind: by } as const) : ({ kind: "question", questionId: by } as const);

/** A random but valid v2 response: skip logic respected, events only at a kiosk. */
const arbResponse: fc.Arbitrary<Response> = fc
  .record({
    prepared: fc.constantFrom("yes", "no", "dk", undefined),
    area: fc.constantFrom("north", "south", "east", undefined),
    measures: fc.subarray(["water", "food", "radio"]),
    kiosk: fc.boolean(),
    event: fc.constantFrom("e1", "e2", "e3", undefined),
    fy: fc.constantFrom(2024, 2025, 2026),
  })
  .map((x) => ({
    id: uuidv7(),
    surveyId: SURVEY,
    surveyVersion: 2,
    submittedAt: `${x.fy}-07-01T00:00:00.000Z`,
    locale: "ja",
    mode: x.kiosk ? "kiosk" : "self",
    ...(x.kiosk && x.event && { eventId: x.event }),
    answers: {
      ...(x.prepared && { q_prepared: x.prepared }),
      ...(x.area && { q_area: x.area }),
      ...(x.prepared === "yes" && x.measures.length > 0 && { q_measures: x.measures }),
    },
  }));

/** Every published percent is in [0, 100] and inside its own interval. */
function expectSane(percent: number | null, ci: readonly [number, number] | null) {
  if (percent === null) return expect(ci).toBeNull();
  expect(percent).toBeGreaterThanOrEqual(0);
  expect(percent).toBeLessThanOrEqual(100);
  expect(ci?.[0]).toBeLessThanOrEqual(percent);
  expect(ci?.[1]).toBeGreaterThanOrEqual(percent);
}

type Table = Tallies["indicators"][number];

/**
 * The attacks the suppression must withstand. (1) One table: total − Σ(shown) − (respondents in no
 * group, assumed known) gives Σ(hidden), which reveals a cell when exactly one is hidden (unless it
 * is the only group, whose count is the published total). (2) Two tables: all waves − the other
 * waves, each shown, gives a hidden cell of one wave.
 */
function expectNothingRecoverable(byWave: Map<number | null, Table>) {
  for (const table of byWave.values()) {
    const groups = table.groups ?? [];
    const hidden = groups.filter((g) => g.suppressed);
    if (groups.length > 1) expect(hidden.length).not.toBe(1);
    for (const g of hidden) expect(g).toMatchObject({ n: null, positive: null, percent: null, ci95: null });
  }
  const all = byWave.get(null)?.groups ?? [];
  for (const [wave, table] of byWave) {
    if (wave === null) continue;
    for (const cell of table.groups ?? []) {
      if (!cell.suppressed) continue;
      const overall = all.find((g) => g.key === cell.key);
      const others = [...byWave]
        .filter(([w]) => w !== null && w !== wave)
        .map(([, t]) => t.groups?.find((g) => g.key === cell.key));
      const allShown = overall && !overall.suppressed && others.every((g) => !g?.suppressed);
      expect(allShown, `wave ${wave} ${cell.key} = all − others`).toBeFalsy();
    }
  }
}

describeEachStorage("tallies on random data", (variant) => {
  it("equal the in-memory path, stay in [0, 100] inside their intervals, and leak no hidden cell", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbResponse, { minLength: 20, maxLength: 150, size: "max" }),
        async (responses) => {
          const { app, storage, surveys, dispose } = await openApp(variant);
          try {
            // Kiosk answers among them, without a tablet's token: stored as a staff import would.
            const { results } = await ingestAsStaff(storage, surveys, responses);
            expect(results.filter((r) => r.status === "rejected")).toEqual([]);
            const def = surveys.latestOf(SURVEY);
            if (!def) throw new Error("no fixture survey");
            const memory = memoryCounts(responses) as unknown as Storage;
            const get = async (path: string) =>
              (await app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer })).json();

            for (const by of BYS) {
              const tables = new Map<number | null, Table>();
              for (const wave of WAVES) {
                const query = new URLSearchParams({ ...(wave && { wave: String(wave) }), ...(by && { by }) });
                const sqlPath = Tallies.parse(await get(`tallies?${query}`));
                const memoryPath = await computeTallies(memory, def, {
                  wave,
                  by: by ? { by, dimension: dimensionOf(by) } : null,
                });
                expect(sqlPath).toEqual(memoryPath);
                const [indicator] = sqlPath.indicators;
                if (!indicator) throw new Error("no indicator");
                expectSane(indicator.percent, indicator.ci95);
                for (const g of indicator.groups ?? []) expectSane(g.percent, g.ci95);
                tables.set(wave, indicator);
              }
              if (by) expectNothingRecoverable(tables);
            }

            for (const wave of WAVES) {
              const query = new URLSearchParams({
                question: "q_measures",
                ...(wave && { wave: String(wave) }),
              });
              const sqlPath = ChoiceShares.parse(await get(`choices?${query}`));
              const versions = surveys.versionsOf(SURVEY);
              expect(sqlPath).toEqual(
                await computeChoices(memory, versions, { surveyId: SURVEY, wave, questionId: "q_measures" }),
              );
              for (const o of sqlPath.options) expectSane(o.percent, o.ci95);
            }

            const trend = Trend.parse(await get("trend"));
            expect(trend).toEqual(await computeTrend(memory, def, surveys));
            for (const p of trend.indicators.flatMap((i) => i.points)) {
              expectSane(p.percent, p.ci95);
              if (p.change) expect(p.change.ci95[0]).toBeLessThanOrEqual(p.change.points);
              if (p.change) expect(p.change.ci95[1]).toBeGreaterThanOrEqual(p.change.points);
            }
          } finally {
            await dispose();
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
