import { Hono } from "hono";
import { requireOrganizer } from "../auth";
import type { AppDeps } from "../deps";
import { HttpProblem } from "../problems";
import { parseBy, parseWave } from "../query-params";
import { computeTallies } from "../tallies/compute";

export function tallyRoutes(deps: Pick<AppDeps, "storage" | "surveys" | "organizerToken">): Hono {
  return new Hono().get("/surveys/:id/tallies", requireOrganizer(deps.organizerToken), async (c) => {
    const id = c.req.param("id");
    const def = deps.surveys.latestOf(id);
    if (!def) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
    const wave = parseWave(c.req.query("wave"));
    const by = parseBy(c.req.query("by"), def);
    return c.json(await computeTallies(deps.storage, def, { wave, by }));
  });
}
