import { Hono } from "hono";
import { ReviewBody, type ReviewResult, type ReviewSummary } from "../../contract/reviews";
import { choiceQuestionIds } from "../../domain/chosen-options";
import { recordAudit } from "../audit/record";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { readBody } from "../http/read-body";
import type { AuditStorage } from "../storage/audit-storage";
import type { ReviewStorage } from "../storage/review-storage";
import { latestSurveyOr404 } from "./survey-lookup";

const MAX_BODY_BYTES = 512 * 1024; // 10,000 ids

/**
 * What the collector held (a burst, a wrong clock) waits here for an analyst: GET lists it by
 * reason and wave, POST counts or excludes it, by id or all of a reason at once.
 */
export function reviewRoutes(
  deps: DepsWith<ReviewStorage & Pick<AuditStorage, "appendAudit">, "surveys" | "organizerToken" | "now">,
): Hono {
  const surveyOr404 = (id: string) => latestSurveyOr404(deps.surveys, id).id;
  return new Hono()
    .get("/surveys/:id/reviews", requireRole("GET /surveys/:id/reviews", deps), async (c) => {
      const surveyId = surveyOr404(c.req.param("id"));
      return c.json({ surveyId, groups: await deps.storage.reviewSummary(surveyId) } satisfies ReviewSummary);
    })
    .post("/surveys/:id/reviews", requireRole("POST /surveys/:id/reviews", deps), async (c) => {
      const surveyId = surveyOr404(c.req.param("id"));
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: ReviewBody,
        what: '{ "ids" or "filter", "state", "reason" }',
      });
      const choiceQuestions = new Map(
        deps.surveys.versionsOf(surveyId).map((def) => [def.version, choiceQuestionIds(def)]),
      );
      const changed = await deps.storage.changeReview({
        surveyId,
        ...(body.ids && { ids: body.ids }),
        ...(body.filter && { filter: body.filter }),
        to: body.state,
        reason: body.reason,
        choiceQuestions,
      });
      // Which responses, by their ids or the filter: ids name no one, and no answer is copied here.
      await recordAudit(c, deps, "review_changed", surveyId, {
        state: body.state,
        reason: body.reason,
        changed,
        ...(body.ids && { ids: body.ids.join(" ") }),
        ...(body.filter && { filter: JSON.stringify(body.filter) }),
      });
      return c.json({ changed } satisfies ReviewResult);
    });
}
