import { Hono } from "hono";
import type { PopulationSummary } from "../../survey";
import { requireOrganizer } from "../auth";
import type { AppDeps } from "../deps";
import { HttpProblem } from "../problems";
import { readTextLimited } from "../read-json";
import type { PopulationTotals } from "../storage";
import { MAX_POPULATION_CSV_BYTES, PopulationCsvError, readPopulationCsv } from "../weights/population-csv";

function summary(surveyId: string, totals: PopulationTotals | undefined): PopulationSummary {
  const cells = [...(totals?.cells ?? [])].map(([cell, population]) => ({ cell, population }));
  return {
    surveyId,
    dimensions: totals?.dimensions ?? [],
    cells,
    total: cells.reduce((sum, c) => sum + c.population, 0),
    uploadedAt: totals?.uploadedAt ?? null,
  };
}

/**
 * The register's population totals for weighted estimates: POST a CSV (any content type: browsers
 * label .csv files as they like) to replace them, GET what is stored.
 */
export function populationRoutes(
  deps: Pick<AppDeps, "storage" | "surveys" | "now" | "organizerToken">,
): Hono {
  const latest = (id: string) => {
    const def = deps.surveys.latestOf(id);
    if (!def) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
    return def;
  };
  return new Hono()
    .get("/surveys/:id/population", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      return c.json(summary(def.id, await deps.storage.populationOf(def.id)));
    })
    .post("/surveys/:id/population", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
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
      const totals = { ...parsed, uploadedAt: (deps.now?.() ?? new Date()).toISOString() };
      await deps.storage.replacePopulation(def.id, totals);
      return c.json(summary(def.id, totals));
    });
}
