import type { Context } from "hono";
import type { ItemResult } from "../../contract/responses";
import { choiceQuestionIds } from "../../domain/chosen-options";
import { Response } from "../../domain/response";
import { recordAudit } from "../audit/record";
import type { AuditStorage } from "../storage/audit-storage";
import type { PaperStorage } from "../storage/paper-storage";
import type { SurveyRegistry } from "../surveys";

/**
 * After a batch is stored: compares the keyings of every paper form it holds (new or resent, so a
 * crash between storing and settling heals on the resend) and writes the audit log: one row for
 * what was keyed, one per form whose keyings changed state (a second keying that agrees moves one
 * to counted: nothing counted changes without its row). Ids and form numbers only, never answers.
 */
export async function settlePaperBatch(
  c: Context,
  deps: {
    storage: Pick<PaperStorage, "settlePaperForms"> & Pick<AuditStorage, "appendAudit">;
    surveys: SurveyRegistry;
    now?: (() => Date) | undefined;
  },
  items: readonly unknown[],
  results: readonly ItemResult[],
): Promise<void> {
  const formsBySurvey = new Map<string, Set<string>>();
  let keyed = 0;
  items.forEach((item, i) => {
    const status = results[i]?.status;
    if (status !== "accepted" && status !== "duplicate") return;
    const parsed = Response.safeParse(item);
    if (!parsed.success || parsed.data.mode !== "paper" || !parsed.data.paperForm) return;
    if (status === "accepted") keyed++;
    const forms = formsBySurvey.get(parsed.data.surveyId) ?? new Set<string>();
    forms.add(parsed.data.paperForm);
    formsBySurvey.set(parsed.data.surveyId, forms);
  });
  for (const [surveyId, forms] of formsBySurvey) {
    const choiceQuestions = new Map(
      deps.surveys.versionsOf(surveyId).map((def) => [def.version, choiceQuestionIds(def)]),
    );
    if (keyed > 0)
      await recordAudit(c, deps, "paper_keyed", surveyId, {
        keyings: keyed,
        forms: [...forms].sort().join(" "),
      });
    const settled = await deps.storage.settlePaperForms(surveyId, [...forms], choiceQuestions);
    for (const form of settled) {
      if (form.moves.length === 0) continue;
      await recordAudit(c, deps, "paper_form_settled", surveyId, {
        paperForm: form.paperForm,
        status: form.status,
        moves: form.moves.map((m) => `${m.id}:${m.from}>${m.to}${m.reason ? `(${m.reason})` : ""}`).join(" "),
      });
    }
  }
}
