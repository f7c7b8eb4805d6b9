import { Hono } from "hono";
import { requireOrganizer } from "../auth";
import type { AppDeps } from "../deps";
import { HttpProblem } from "../problems";
import { parseBy, parseChoiceQuestion, parseWave } from "../query-params";
import { computeChoices } from "../tallies/choices";
import { computeTallies } from "../tallies/compute";
import { computeTrend } from "../tallies/trend";

export function tallyRoutes(deps: Pick<AppDeps, "storage" | "surveys" | "organizerToken">): Hono {
  const latest = (id: string) => {
    const def = deps.surveys.latestOf(id);
    if (!def) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
    return def;
  };
  return new Hono()
    .get("/surveys/:id/tallies", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const by = parseBy(c.req.query("by"), def);
      return c.json(await computeTallies(deps.storage, def, { wave, by }));
    })
    .get("/surveys/:id/choices", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const questionId = parseChoiceQuestion(c.req.query("question"), def);
      const versions = deps.surveys.versionsOf(def.id);
      return c.json(await computeChoices(deps.storage, versions, { surveyId: def.id, wave, questionId }));
    })
    .get("/surveys/:id/trend", requireOrganizer(deps.organizerToken), async (c) => {
      const def = latest(c.req.param("id"));
      return c.json(await computeTrend(deps.storage, def));
    });
}
