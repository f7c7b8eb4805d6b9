import { Hono } from "hono";
import { requireOrganizer } from "../auth/require-organizer";
import { responsesCsv } from "../csv/responses-csv";
import type { DepsWith } from "../deps";
import { csvResponse } from "../http/csv-response";
import { HttpProblem } from "../http/problems";
import { parseLabels, parseWave } from "../http/query-params";
import type { ResponseStorage } from "../storage/response-storage";

export function csvRoutes(
  deps: DepsWith<Pick<ResponseStorage, "responsesPage">, "surveys" | "organizerToken">,
): Hono {
  return new Hono().get("/surveys/:id/responses.csv", requireOrganizer(deps.organizerToken), (c) => {
    const id = c.req.param("id");
    const versions = deps.surveys.versionsOf(id);
    const [newest] = versions;
    if (!newest) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
    const wave = parseWave(c.req.query("wave"));
    // The newest version's languages: the ones the survey is written in now.
    const labels = parseLabels(c.req.query("labels"), newest);
    const name = `${id}${wave === null ? "" : `-fy${wave}`}-responses.csv`;
    return csvResponse(c, name, responsesCsv(deps.storage, versions, { surveyId: id, wave }, labels));
  });
}
