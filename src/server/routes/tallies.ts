import { Hono } from "hono";
import { recordAudit } from "../audit/record";
import { requireRole } from "../auth/require-role";
import { policyCsv, talliesCsv } from "../csv/tallies-csv";
import type { DepsWith } from "../deps";
import { csvResponse } from "../http/csv-response";
import { parseBlanks, parseBy, parseChoiceQuestion, parseLabels, parseWave } from "../http/query-params";
import { computeResponseRate } from "../invitations/response-rate";
import type { AuditStorage } from "../storage/audit-storage";
import type { InvitationBatchStorage } from "../storage/invitation-batch-storage";
import type { PopulationStorage } from "../storage/population-storage";
import type { TallyStorage } from "../storage/tally-storage";
import { computeChoices } from "../tallies/choices";
import { computeTallies } from "../tallies/compute";
import { computeCounts } from "../tallies/counts";
import { breaksInScope, computeTrend } from "../tallies/trend";
import { latestSurveyOr404 } from "./survey-lookup";

export function tallyRoutes(
  deps: DepsWith<
    TallyStorage &
      Pick<PopulationStorage, "populationOf" | "populationSets"> &
      Pick<AuditStorage, "appendAudit"> &
      Pick<InvitationBatchStorage, "invitationUse" | "countedByMode">,
    "surveys" | "organizerToken" | "now"
  >,
): Hono {
  const latest = (id: string) => latestSurveyOr404(deps.surveys, id);
  // The mailed sample's rate belongs to one wave: a table of every wave has none.
  const rateOf = (surveyId: string, wave: number | null) =>
    wave === null ? Promise.resolve(null) : computeResponseRate(deps.storage, surveyId, wave);
  return new Hono()
    .get("/surveys/:id/tallies", requireRole("GET /surveys/:id/tallies", deps), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const by = parseBy(c.req.query("by"), def);
      const blanks = parseBlanks(c.req.query("blanks"));
      return c.json(await computeTallies(deps.storage, def, { wave, by, blanks }));
    })
    .get("/surveys/:id/tallies.csv", requireRole("GET /surveys/:id/tallies.csv", deps), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const by = parseBy(c.req.query("by"), def);
      const blanks = parseBlanks(c.req.query("blanks"));
      const labels = parseLabels(c.req.query("labels"), def);
      const [tallies, trend, rate] = await Promise.all([
        computeTallies(deps.storage, def, { wave, by, blanks }),
        computeTrend(deps.storage, def, deps.surveys),
        rateOf(def.id, wave),
      ]);
      const name = `${def.id}${wave === null ? "" : `-fy${wave}`}${by ? `-by-${by.by}` : ""}-tallies.csv`;
      await recordAudit(c, deps, "export_downloaded", def.id, {
        file: name,
        wave,
        by: by?.by ?? null,
        labels: labels ?? null,
      });
      return csvResponse(c, name, talliesCsv(def, tallies, breaksInScope(trend, wave), labels, rate));
    })
    .get("/surveys/:id/policy.csv", requireRole("GET /surveys/:id/policy.csv", deps), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const [tallies, rate] = await Promise.all([
        computeTallies(deps.storage, def, { wave, by: null }),
        rateOf(def.id, wave),
      ]);
      const name = `${def.id}${wave === null ? "" : `-fy${wave}`}-policy.csv`;
      await recordAudit(c, deps, "export_downloaded", def.id, { file: name, wave });
      return csvResponse(c, name, policyCsv(def, tallies, rate));
    })
    .get("/surveys/:id/choices", requireRole("GET /surveys/:id/choices", deps), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      const questionId = parseChoiceQuestion(c.req.query("question"), def);
      const versions = deps.surveys.versionsOf(def.id);
      return c.json(await computeChoices(deps.storage, versions, { surveyId: def.id, wave, questionId }));
    })
    .get("/surveys/:id/counts", requireRole("GET /surveys/:id/counts", deps), async (c) => {
      const def = latest(c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      return c.json(await computeCounts(deps.storage, def, wave));
    })
    .get("/surveys/:id/trend", requireRole("GET /surveys/:id/trend", deps), async (c) => {
      const def = latest(c.req.param("id"));
      return c.json(await computeTrend(deps.storage, def, deps.surveys));
    });
}
