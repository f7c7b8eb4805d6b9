import { type Context, Hono } from "hono";
import {
  type InvitationBatch,
  type InvitationBatchCreated,
  type InvitationBatchList,
  NewInvitationBatchBody,
} from "../../contract/invitation-batches";
import { uuidv7 } from "../../domain/uuid";
import { recordAudit } from "../audit/record";
import { requireRole } from "../auth/require-role";
import { csvRow } from "../csv/cell";
import type { DepsWith } from "../deps";
import { csvResponse } from "../http/csv-response";
import { HttpProblem } from "../http/problems";
import { parseWave } from "../http/query-params";
import { readBody } from "../http/read-body";
import { LETTER_CSS, lettersPage, personalUrl } from "../invitations/letters-page";
import { newInvitationCode } from "../invitations/new-code";
import { computeResponseRate } from "../invitations/response-rate";
import type { AuditStorage } from "../storage/audit-storage";
import type { InvitationBatchStorage } from "../storage/invitation-batch-storage";
import { latestSurveyOr404 } from "./survey-lookup";

const MAX_BODY_BYTES = 4 * 1024;
const BOM = "\uFEFF";
const LETTER_CSS_PATH = "/api/v1/invitation-letters.css";

/**
 * The mailed sample's letters: a batch of codes per mailing, its CSV for the mail merge (code,
 * personal URL), the codes not used yet for the reminder, the printable letters, and the response
 * rate. Every download of codes is in the audit log: whoever holds them can answer as the sample.
 */
export function invitationBatchRoutes(
  deps: DepsWith<
    InvitationBatchStorage & Pick<AuditStorage, "appendAudit">,
    "surveys" | "organizerToken" | "now"
  >,
): Hono {
  const batchOr404 = async (surveyId: string, batchId: string): Promise<InvitationBatch> => {
    latestSurveyOr404(deps.surveys, surveyId);
    const batch = await deps.storage.invitationBatch(batchId);
    // Another survey's batch is as absent as none: the scope was checked against the path's survey.
    if (!batch || batch.surveyId !== surveyId)
      throw new HttpProblem(
        "invitation_batch_not_found",
        `survey "${surveyId}" has no invitation batch "${batchId}"`,
      );
    return batch;
  };
  const originOf = (url: string) => new URL(url).origin;

  const codesCsv = async (
    c: Context,
    surveyId: string,
    batchId: string,
    which: "all" | "unused",
  ): Promise<Response> => {
    const batch = await batchOr404(surveyId, batchId);
    const codes = await deps.storage.invitationCodes(batch.id, which);
    const origin = originOf(c.req.url);
    const name = `${surveyId}-fy${batch.wave}-invitations-${batch.id}${which === "unused" ? "-unused" : ""}.csv`;
    await recordAudit(c, deps, "invitation_codes_downloaded", surveyId, {
      batchId: batch.id,
      file: name,
      codes: codes.length,
    });
    const lines = [
      csvRow(["code", "url"]),
      ...codes.map((code) => csvRow([code, personalUrl(origin, surveyId, code)])),
    ];
    return csvResponse(c, name, BOM + lines.join(""));
  };

  return new Hono()
    .post("/surveys/:id/invitations", requireRole("POST /surveys/:id/invitations", deps), async (c) => {
      const def = latestSurveyOr404(deps.surveys, c.req.param("id"));
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: NewInvitationBatchBody,
        what: '{ "wave": 2025, "count": 1400, "stratum"?: "north" }',
      });
      const batch: InvitationBatch = {
        id: uuidv7(),
        surveyId: def.id,
        wave: body.wave,
        stratum: body.stratum ?? null,
        count: body.count,
        createdAt: (deps.now?.() ?? new Date()).toISOString(),
      };
      await deps.storage.insertInvitationBatch(batch, newInvitationCode);
      await recordAudit(c, deps, "invitations_created", def.id, {
        batchId: batch.id,
        wave: batch.wave,
        stratum: batch.stratum,
        count: batch.count,
      });
      return c.json({ batchId: batch.id, count: batch.count } satisfies InvitationBatchCreated, 201);
    })
    .get("/surveys/:id/invitations", requireRole("GET /surveys/:id/invitations", deps), async (c) => {
      const def = latestSurveyOr404(deps.surveys, c.req.param("id"));
      return c.json({ batches: await deps.storage.invitationBatches(def.id) } satisfies InvitationBatchList);
    })
    .get(
      "/surveys/:id/invitations/:batchId.csv",
      requireRole("GET /surveys/:id/invitations/:batchId.csv", deps),
      (c) => {
        // Hono names the whole segment's parameter "batchId.csv"; it must end so.
        const file = c.req.param("batchId.csv");
        if (!file.endsWith(".csv")) throw new HttpProblem("not_found", `nothing at GET ${c.req.path}`);
        return codesCsv(c, c.req.param("id"), file.slice(0, -".csv".length), "all");
      },
    )
    .get(
      "/surveys/:id/invitations/:batchId/unused.csv",
      requireRole("GET /surveys/:id/invitations/:batchId/unused.csv", deps),
      (c) => codesCsv(c, c.req.param("id"), c.req.param("batchId"), "unused"),
    )
    .get(
      "/surveys/:id/invitations/:batchId/letters",
      requireRole("GET /surveys/:id/invitations/:batchId/letters", deps),
      async (c) => {
        const surveyId = c.req.param("id");
        const batch = await batchOr404(surveyId, c.req.param("batchId"));
        // Letters for the codes not used yet: the first mailing prints all, a reminder the rest.
        const which = c.req.query("unused") === "true" ? "unused" : "all";
        const codes = await deps.storage.invitationCodes(batch.id, which);
        await recordAudit(c, deps, "invitation_codes_downloaded", surveyId, {
          batchId: batch.id,
          file: which === "unused" ? "letters-unused" : "letters",
          codes: codes.length,
        });
        const def = latestSurveyOr404(deps.surveys, surveyId);
        c.header("Cache-Control", "no-store");
        return c.html(lettersPage(def, batch, codes, originOf(c.req.url), LETTER_CSS_PATH));
      },
    )
    .get("/invitation-letters.css", (c) => {
      c.header("Content-Type", "text/css; charset=utf-8");
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(LETTER_CSS);
    })
    .get("/surveys/:id/response-rate", requireRole("GET /surveys/:id/response-rate", deps), async (c) => {
      const def = latestSurveyOr404(deps.surveys, c.req.param("id"));
      const wave = parseWave(c.req.query("wave"));
      if (wave === null)
        throw new HttpProblem(
          "invalid_query",
          "wave is required: the fiscal year of the mailing, such as 2025",
          [{ path: "wave", message: "is required" }],
        );
      return c.json(await computeResponseRate(deps.storage, def.id, wave));
    });
}
