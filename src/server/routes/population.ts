import { Hono } from "hono";
import type { PopulationSets, PopulationSummary } from "../../contract/population";
import { cellsMissingPopulation } from "../../domain/weighting";
import { recordAudit } from "../audit/record";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { parseWave } from "../http/query-params";
import { readTextLimited } from "../http/read-body";
import type { AuditStorage } from "../storage/audit-storage";
import type { PopulationStorage, StoredPopulation } from "../storage/population-storage";
import type { TallyStorage } from "../storage/tally-storage";
import { cellKey } from "../tallies/fold";
import { MAX_POPULATION_CSV_BYTES, PopulationCsvError, readPopulationCsv } from "../weights/population-csv";
import { latestSurveyOr404 } from "./survey-lookup";

function summary(surveyId: string, wave: number, totals: StoredPopulation | undefined): PopulationSummary {
  const cells = [...(totals?.cells ?? [])].map(([cell, population]) => ({ cell, population }));
  return {
    surveyId,
    wave,
    source: !totals ? "none" : totals.wave === null ? "survey_wide" : "wave",
    dimensions: totals?.dimensions ?? [],
    cells,
    total: cells.reduce((sum, c) => sum + c.population, 0),
    uploadedAt: totals?.uploadedAt ?? null,
  };
}

/** `?wave=` of an upload: required, since each fiscal year's register has its own totals. */
function uploadWave(raw: string | undefined): number {
  const wave = parseWave(raw);
  if (wave === null)
    throw new HttpProblem(
      "invalid_query",
      "wave is required: the fiscal year whose register these totals are, such as ?wave=2026; nothing was stored",
      [{ path: "wave", message: "is required: a four-digit fiscal year" }],
    );
  return wave;
}

/**
 * The cells (by option id, in the file's dimension order) of the responses that answered every
 * weighting question, in one wave or all: one GROUP BY over the first dimension, grouped by all.
 */
async function respondentCells(
  storage: Pick<TallyStorage, "countOptionsByGroups">,
  surveyId: string,
  wave: number,
  dimensions: readonly string[],
): Promise<Set<string>> {
  const [first] = dimensions;
  if (!first) return new Set();
  const rows = await storage.countOptionsByGroups({
    surveyId,
    wave,
    questionIds: [first],
    by: dimensions.map((questionId) => ({ kind: "question", questionId }) as const),
  });
  return new Set(rows.filter((r) => r.count > 0).map((r) => cellKey(r.groups)));
}

/** "q_age=age_18_29 × q_area=area_03": a cell key in words an analyst can find in the file. */
const cellName = (dimensions: readonly string[], cell: string) =>
  cell
    .split("|")
    .map((option, i) => `${dimensions[i]}=${option}`)
    .join(" × ");

/**
 * The register's population totals for weighted estimates, per wave (fiscal year): POST a CSV (any
 * content type: browsers label .csv files as they like) to replace a wave's, GET ?wave= the totals
 * that wave's estimates use, GET without a wave the sets stored.
 */
export function populationRoutes(
  deps: DepsWith<
    PopulationStorage & Pick<TallyStorage, "countOptionsByGroups"> & Pick<AuditStorage, "appendAudit">,
    "surveys" | "now" | "organizerToken"
  >,
): Hono {
  const latest = (id: string) => latestSurveyOr404(deps.surveys, id);
  return new Hono()
    .get("/surveys/:id/population", requireRole("GET /surveys/:id/population", deps), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      if (wave === null) {
        const sets: PopulationSets = { surveyId: def.id, sets: await deps.storage.populationSets(def.id) };
        return c.json(sets);
      }
      return c.json(summary(def.id, wave, await deps.storage.populationOf(def.id, wave)));
    })
    .post("/surveys/:id/population", requireRole("POST /surveys/:id/population", deps), async (c) => {
      const def = latest(c.req.param("id"));
      // The register changes each year: the totals are the wave's, checked against its respondents.
      const wave = uploadWave(c.req.query("wave"));
      const text = await readTextLimited(c, MAX_POPULATION_CSV_BYTES);
      let parsed: ReturnType<typeof readPopulationCsv>;
      try {
        parsed = readPopulationCsv(text, def);
      } catch (error) {
        if (error instanceof PopulationCsvError)
          throw new HttpProblem(
            "invalid_population_csv",
            `${error.message}; nothing was stored`,
            error.problems,
          );
        throw error;
      }
      // A cell with respondents but no population would drop them from every weighted estimate
      // (43.7% read 40.2% with one age group left out), so such a file is refused whole.
      const missing = cellsMissingPopulation(
        await respondentCells(deps.storage, def.id, wave, parsed.dimensions),
        parsed.cells,
      );
      if (missing.length > 0) {
        const names = missing.map((cell) => cellName(parsed.dimensions, cell));
        throw new HttpProblem(
          "population_cells_missing",
          `${missing.length} cell(s) with respondents in FY${wave} have no population (left out, or 0): ${names.join("; ")}; nothing was stored`,
          names.map((name) => ({
            path: name,
            message: "has respondents but no population (left out, or 0)",
          })),
        );
      }
      const totals = { ...parsed, uploadedAt: (deps.now?.() ?? new Date()).toISOString() };
      await deps.storage.replacePopulation(def.id, wave, totals);
      await recordAudit(c, deps, "population_uploaded", def.id, {
        wave,
        dimensions: parsed.dimensions.join(" "),
        cells: parsed.cells.size,
      });
      return c.json(summary(def.id, wave, { ...totals, wave }));
    });
}
