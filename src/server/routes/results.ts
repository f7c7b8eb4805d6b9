import { type Context, Hono } from "hono";
import {
  type PublishedResults,
  type PublishedResultsList,
  PublishResultsBody,
  ResultsSnapshot,
  resultsPaths,
} from "../../contract/results";
import { SurveyId } from "../../domain/definition";
import { recordAudit } from "../audit/record";
import { principalOf } from "../auth/principal";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import { ensureReactionsSurvey } from "../results/reactions-survey";
import { resultsCsv } from "../results/results-csv";
import { buildSnapshot, checkPublishBody } from "../results/snapshot";
import type { AuditStorage } from "../storage/audit-storage";
import type { InvitationBatchStorage } from "../storage/invitation-batch-storage";
import type { PopulationStorage } from "../storage/population-storage";
import type { ResultsStorage } from "../storage/results-storage";
import type { TallyStorage } from "../storage/tally-storage";
import type { VersionStorage } from "../storage/version-storage";
import { latestSurveyOr404 } from "./survey-lookup";

type Deps = DepsWith<
  ResultsStorage &
    TallyStorage &
    Pick<PopulationStorage, "populationOf" | "populationSets"> &
    Pick<AuditStorage, "appendAudit"> &
    Pick<VersionStorage, "insertVersion"> &
    Pick<InvitationBatchStorage, "invitationUse" | "countedByMode">,
  "surveys" | "organizerToken" | "now"
>;

/** Texts of every indicator in six languages, with room to spare. */
const MAX_BODY_BYTES = 256 * 1024;

/** A path's wave: a fiscal year such as 2026. */
export function parseWaveParam(raw: string | undefined): number {
  if (raw === undefined || !/^\d{4}$/.test(raw))
    throw new HttpProblem("invalid_path", `the wave must be a fiscal year such as 2026, not "${raw ?? ""}"`, [
      { path: "wave", message: "must be a four-digit fiscal year" },
    ]);
  return Number(raw);
}

/** A path's survey id, checked before it reaches storage. */
export function surveyIdParam(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!SurveyId.safeParse(id).success)
    throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
  return id;
}

/** The wave's live snapshot, read back through its schema; 404 results_not_found when none is. */
export async function liveSnapshot(
  storage: Pick<ResultsStorage, "livePublication">,
  surveyId: string,
  wave: number,
): Promise<ResultsSnapshot> {
  const stored = await storage.livePublication(surveyId, wave);
  if (!stored)
    throw new HttpProblem(
      "results_not_found",
      `no results of survey "${surveyId}" for ${wave} are published`,
    );
  return ResultsSnapshot.parse(JSON.parse(stored.snapshot));
}

/** Open data may be read from anywhere and cached a little; a republish shows within a minute. */
function openDataHeaders(c: Context): void {
  c.header("Cache-Control", "public, max-age=60");
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
}

/**
 * Results published to residents (issue 23): an admin publishes a wave's snapshot (a dry run
 * previews it) or takes it down; anyone reads the live one as JSON or CSV (CC BY 4.0).
 */
export function resultsRoutes(deps: Deps): Hono {
  return new Hono()
    .post("/surveys/:id/results/:wave", requireRole("POST /surveys/:id/results/:wave", deps), async (c) => {
      const def = latestSurveyOr404(deps.surveys, surveyIdParam(c));
      const wave = parseWaveParam(c.req.param("wave"));
      const dryRun = c.req.query("dryRun") === "true";
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: PublishResultsBody,
        what: '{ "texts": { indicatorId: { locale: text } }, "breakdowns": [questionId] }',
      });
      const texts = checkPublishBody(def, body);
      const publishedAt = (deps.now?.() ?? new Date()).toISOString();
      const input = { wave, texts, breakdowns: body.breakdowns };
      const snapshot = await buildSnapshot(deps.storage, deps.surveys, def, input, {
        publication: 0,
        publishedAt,
      });
      if (dryRun) return c.json(snapshot);
      const principal = principalOf(c);
      const publishedBy = principal?.kind === "account" ? principal.account.login : null;
      const publication = await deps.storage.insertPublication(
        { surveyId: def.id, wave, publishedAt, publishedBy },
        (n) => JSON.stringify({ ...snapshot, publication: n }),
      );
      // Residents react to what is published: the reactions survey must know its indicators and year.
      await ensureReactionsSurvey(deps.storage, deps.surveys, def, wave, new Date(publishedAt));
      await recordAudit(c, deps, "results_published", def.id, {
        wave,
        publication,
        respondents: snapshot.respondents,
        breakdowns: body.breakdowns.join(","),
      });
      const page = resultsPaths(def.id, wave).page;
      return c.json(
        { surveyId: def.id, wave, publication, publishedAt, page } satisfies PublishedResults,
        201,
      );
    })
    .delete(
      "/surveys/:id/results/:wave",
      requireRole("DELETE /surveys/:id/results/:wave", deps),
      async (c) => {
        const def = latestSurveyOr404(deps.surveys, surveyIdParam(c));
        const wave = parseWaveParam(c.req.param("wave"));
        const principal = principalOf(c);
        const by = principal?.kind === "account" ? principal.account.login : null;
        const at = (deps.now?.() ?? new Date()).toISOString();
        const taken = await deps.storage.unpublish(def.id, wave, at, by);
        if (taken === 0)
          throw new HttpProblem(
            "results_not_found",
            `no results of survey "${def.id}" for ${wave} are published`,
          );
        await recordAudit(c, deps, "results_unpublished", def.id, { wave });
        return c.json({ surveyId: def.id, wave, unpublished: true });
      },
    )
    .get("/public/surveys/:id/results.json", async (c) => {
      const id = surveyIdParam(c);
      const live = await deps.storage.livePublications(id);
      openDataHeaders(c);
      return c.json({
        surveyId: id,
        results: live.map((p) => ({
          wave: p.wave,
          publication: p.publication,
          publishedAt: p.publishedAt,
          ...resultsPaths(id, p.wave),
        })),
      } satisfies PublishedResultsList);
    })
    .get("/public/surveys/:id/results/:file", async (c) => {
      const id = surveyIdParam(c);
      const match = /^(\d{4})\.(json|csv)$/.exec(c.req.param("file"));
      if (!match)
        throw new HttpProblem("not_found", `nothing at ${c.req.path}: ask for <fiscal year>.json or .csv`);
      const snapshot = await liveSnapshot(deps.storage, id, Number(match[1]));
      openDataHeaders(c);
      if (match[2] === "json") return c.json(snapshot);
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${id}-fy${snapshot.wave}-results.csv"`);
      return c.body(resultsCsv(snapshot));
    });
}
