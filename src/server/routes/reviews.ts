import { Hono } from "hono";
import { ReviewBody, type ReviewResult, type ReviewSummary, UndoBody } from "../../contract/reviews";
import { choiceQuestionIds } from "../../domain/chosen-options";
import { uuidv7 } from "../../domain/uuid";
import { recordAudit } from "../audit/record";
import { actorOf, principalOf } from "../auth/principal";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import type { AuditStorage } from "../storage/audit-storage";
import type { ReviewStorage } from "../storage/review-storage";
import type { SurveyRegistry } from "../surveys";
import { latestSurveyOr404 } from "./survey-lookup";

const MAX_BODY_BYTES = 512 * 1024; // 10,000 ids
/** How many of the latest changes GET …/reviews lists (each with its undo). */
const CHANGES_LISTED = 20;
/** How many unknown ids a refusal names: enough to find the mistake, not a copy of the request. */
const UNKNOWN_NAMED = 20;

const choiceQuestionsOf = (surveys: SurveyRegistry, surveyId: string) =>
  new Map(surveys.versionsOf(surveyId).map((def) => [def.version, choiceQuestionIds(def)]));

/**
 * Review states (issue 21 part 4): GET lists what is not counted by state, reason and wave, and the
 * latest changes; POST moves responses by id or by a filter (state, reason, wave, event, device,
 * channel, time range); POST …/:changeId/undo puts a change back. Every change and undo is in the
 * audit log with its id; ids that do not exist and a filter that matches nothing change nothing
 * and say so.
 */
export function reviewRoutes(
  deps: DepsWith<ReviewStorage & Pick<AuditStorage, "appendAudit">, "surveys" | "organizerToken" | "now">,
): Hono {
  const surveyOr404 = (id: string) => latestSurveyOr404(deps.surveys, id).id;
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  return new Hono()
    .get("/surveys/:id/reviews", requireRole("GET /surveys/:id/reviews", deps), async (c) => {
      const surveyId = surveyOr404(c.req.param("id"));
      return c.json({
        surveyId,
        groups: await deps.storage.reviewSummary(surveyId),
        changes: await deps.storage.reviewChanges(surveyId, CHANGES_LISTED),
      } satisfies ReviewSummary);
    })
    .post("/surveys/:id/reviews", requireRole("POST /surveys/:id/reviews", deps), async (c) => {
      const surveyId = surveyOr404(c.req.param("id"));
      const body = await readBody(c, {
        maxBytes: MAX_BODY_BYTES,
        schema: ReviewBody,
        what: '{ "ids" or "filter", "state", "reason", "note"? }',
      });
      const changeId = uuidv7();
      const outcome = await deps.storage.changeReview({
        surveyId,
        ...(body.ids && { ids: body.ids }),
        ...(body.filter && { filter: body.filter }),
        to: body.state,
        reason: body.reason,
        changeId,
        at: now(),
        actor: actorOf(principalOf(c)),
        choiceQuestions: choiceQuestionsOf(deps.surveys, surveyId),
      });
      if (outcome.unknownIds.length > 0)
        throw new HttpProblem(
          "responses_not_found",
          `${outcome.unknownIds.length} of the ids are not responses of survey "${surveyId}"; nothing was changed`,
          outcome.unknownIds
            .slice(0, UNKNOWN_NAMED)
            .map((id) => ({ path: `ids[${body.ids?.indexOf(id) ?? 0}]`, message: `${id} is not stored` })),
        );
      if (body.filter && outcome.matched === 0)
        throw new HttpProblem(
          "nothing_matched",
          `no response of survey "${surveyId}" matches the filter ${JSON.stringify(body.filter)}; nothing was changed`,
        );
      // Which responses, by their ids or the filter: ids name no one, and no answer is copied here.
      if (outcome.changed > 0)
        await recordAudit(c, deps, "review_changed", surveyId, {
          changeId,
          state: body.state,
          reason: body.reason,
          changed: outcome.changed,
          ...(body.note && { note: body.note }),
          ...(body.ids && { ids: body.ids.join(" ") }),
          ...(body.filter && { filter: JSON.stringify(body.filter) }),
        });
      return c.json({
        changed: outcome.changed,
        matched: outcome.matched,
        ...(outcome.changed > 0 && { changeId }),
      } satisfies ReviewResult);
    })
    .post(
      "/surveys/:id/reviews/:changeId/undo",
      requireRole("POST /surveys/:id/reviews/:changeId/undo", deps),
      async (c) => {
        const surveyId = surveyOr404(c.req.param("id"));
        const changeId = c.req.param("changeId");
        const body = await readBody(c, { maxBytes: 4096, schema: UndoBody, what: '{ "reason" }' });
        const undoId = uuidv7();
        const outcome = await deps.storage.undoReview({
          surveyId,
          changeId,
          undoId,
          at: now(),
          actor: actorOf(principalOf(c)),
          reason: body.reason,
          choiceQuestions: choiceQuestionsOf(deps.surveys, surveyId),
        });
        if (outcome.kind === "not_found")
          throw new HttpProblem(
            "review_change_not_found",
            `survey "${surveyId}" has no review change ${changeId}`,
          );
        if (outcome.kind === "already_undone")
          throw new HttpProblem(
            "review_already_undone",
            `review change ${changeId} was undone already, by ${outcome.undoneBy}; undo that instead`,
          );
        await recordAudit(c, deps, "review_undone", surveyId, {
          changeId: undoId,
          undoes: changeId,
          reason: body.reason,
          restored: outcome.restored,
          keptNewer: outcome.keptNewer,
        });
        return c.json({ changed: outcome.restored, changeId: undoId } satisfies ReviewResult);
      },
    );
}
