import { Hono } from "hono";
import { requireOrganizer } from "../auth/require-organizer";
import { policyCsv, talliesCsv } from "../csv/tallies-csv";
import type { DepsWith } from "../deps";
import { csvResponse } from "../http/csv-response";
import { parseBlanks, parseBy, parseChoiceQuestion, parseLabels, parseWave } from "../http/query-params";
import type { PopulationStorage } from "../storage/population-storage";
import type { TallyStorage } from "../storage/tally-storage";
import { computeChoices } from "../tallies/choices";
import { computeTallies } from "../tallies/compute";
import { computeCounts } from "../tallies/counts";
import { breaksInScope, computeTrend } from "../tallies/trend";
import { latestSurveyOr404 } from "./survey-lookup";

export function tallyRoutes(
  deps: DepsWith<TallyStorage & Pick<PopulationStorage, "populationOf">, "surveys" | "organizerToken">,
): Hono {
  const latest = (id: string) => latestSurveyOr404(deps.surveys, id);
  return new Hono()
    .get("/surveys/:id/tallies", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const by = parseBy(c.req.query("by"), def);
      const blanks = parseBlanks(c.req.query("blanks"));
      return c.json(await computeTallies(deps.storage, def, { wave, by, blanks }));
    })
    .get("/surveys/:id/tallies.csv", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const by = parseBy(c.req.query("by"), def);
      const blanks = parseBlanks(c.req.query("blanks"));
      const labels = parseLabels(c.req.query("labels"), def);
      const [tallies, trend] = await Promise.all([
        computeTallies(deps.storage, def, { wave, by, blanks }),
        computeTrend(deps.storage, def, deps.surveys),
      ]);
      const name = `${def.id}${wave === null ? "" : `-fy${wave}`}${by ? `-by-${by.by}` : ""}-tallies.csv`;
      return csvResponse(c, name, talliesCsv(def, tallies, breaksInScope(trend, wave), labels));
    })
    .get("/surveys/:id/policy.csv", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const tallies = await computeTallies(deps.storage, def, { wave, by: null });
      return csvResponse(
        c,
        `${def.id}${wave === null ? "" : `-fy${wave}`}-policy.csv`,
        policyCsv(def, tallies),
      );
    })
    .get("/surveys/:id/choices", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const questionId = parseChoiceQuestion(c.req.query("question"), def);
      const versions = deps.surveys.versionsOf(def.id);
      return c.json(await computeChoices(deps.storage, versions, { surveyId: def.id, wave, questionId }));
    })
    .get("/surveys/:id/counts", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      return c.json(await computeCounts(deps.storage, def, wave));
    })
    .get("/surveys/:id/trend", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      return c.json(await computeTrend(deps.storage, def, deps.surveys));
    });
}
