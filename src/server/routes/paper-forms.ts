import { Hono } from "hono";
import { FORM_STATUSES, type PaperFormList } from "../../contract/paper-forms";
import { differingQuestions, type FormStatus } from "../../domain/paper-keying";
import { requireRole } from "../auth/require-role";
import type { DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import type { PaperStorage } from "../storage/paper-storage";
import { latestSurveyOr404 } from "./survey-lookup";

/** `?status=`: one status of a form, or all; disputed when absent (what staff must settle). */
function parseStatus(raw: string | undefined): FormStatus | "all" {
  if (raw === undefined || raw === "") return "disputed";
  const known = [...FORM_STATUSES, "all" as const].find((s) => s === raw);
  if (!known)
    throw new HttpProblem(
      "invalid_query",
      `status must be ${FORM_STATUSES.join(", ")} or all, not "${raw}"`,
      [{ path: "status", message: `must be ${FORM_STATUSES.join(", ")} or all` }],
    );
  return known;
}

/** Paper forms keyed twice: the ones in dispute, keyings side by side, for a third keying to settle. */
export function paperFormRoutes(
  deps: DepsWith<Pick<PaperStorage, "paperForms">, "surveys" | "organizerToken">,
): Hono {
  return new Hono().get(
    "/surveys/:id/paper-forms",
    requireRole("GET /surveys/:id/paper-forms", deps),
    async (c) => {
      const surveyId = latestSurveyOr404(deps.surveys, c.req.param("id")).id;
      const forms = await deps.storage.paperForms(surveyId, parseStatus(c.req.query("status")));
      return c.json({
        surveyId,
        forms: forms.map((form) => ({
          ...form,
          sameKeyer: form.keyings.length > 1 && new Set(form.keyings.map((k) => k.keyedBy)).size === 1,
          differing: [...differingQuestions(form.keyings)],
        })),
      } satisfies PaperFormList);
    },
  );
}
