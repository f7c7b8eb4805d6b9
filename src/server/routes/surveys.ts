import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { HttpProblem } from "../http/problems";
import { parseVersion } from "../http/query-params";

export function surveyRoutes({ surveys }: Pick<AppDeps, "surveys">): Hono {
  return new Hono()
    .get("/surveys", (c) => c.json({ surveys: surveys.summaries() }))
    .get("/surveys/:id", (c) => {
      const id = c.req.param("id");
      const version = parseVersion(c.req.query("version"));
      const def = version === undefined ? surveys.latestOf(id) : surveys.get(id, version);
      if (!def) {
        const which = version === undefined ? `"${id}"` : `"${id}" version ${version}`;
        throw new HttpProblem("survey_not_found", `there is no survey ${which}`);
      }
      return c.json(def);
    });
}
