import { Hono } from "hono";
import { recordAudit } from "../audit/record";
import { requireRole } from "../auth/require-role";
import { responsesCsv } from "../csv/responses-csv";
import type { DepsWith } from "../deps";
import { csvResponse } from "../http/csv-response";
import { HttpProblem } from "../http/problems";
import { parseLabels, parseWave } from "../http/query-params";
import type { AuditStorage } from "../storage/audit-storage";
import type { ResponseStorage } from "../storage/response-storage";

export function csvRoutes(
  deps: DepsWith<
    Pick<ResponseStorage, "responsesPage"> & Pick<AuditStorage, "appendAudit">,
    "surveys" | "organizerToken" | "now"
  >,
): Hono {
  return new Hono().get(
    "/surveys/:id/responses.csv",
    requireRole("GET /surveys/:id/responses.csv", deps),
    async (c) => {
      const id = c.req.param("id");
      const versions = deps.surveys.versionsOf(id);
      const [newest] = versions;
      if (!newest) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
      const wave = parseWave(c.req.query("wave"));
      // The newest version's languages: the ones the survey is written in now.
      const labels = parseLabels(c.req.query("labels"), newest);
      // `?review=all`: the held and excluded too, each row with its state (else counted ones only).
      const review = c.req.query("review");
      if (review !== undefined && review !== "counted" && review !== "all")
        throw new HttpProblem("invalid_query", `review must be counted or all, not "${review}"`, [
          { path: "review", message: "must be counted or all" },
        ]);
      const allStates = review === "all";
      const name = `${id}${wave === null ? "" : `-fy${wave}`}${allStates ? "-all-states" : ""}-responses.csv`;
      await recordAudit(c, deps, "export_downloaded", id, {
        file: name,
        wave,
        labels: labels ?? null,
        review: allStates ? "all" : "counted",
      });
      return csvResponse(
        c,
        name,
        responsesCsv(deps.storage, versions, { surveyId: id, wave, allStates }, labels),
      );
    },
  );
}
