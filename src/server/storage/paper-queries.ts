import type { Kysely } from "kysely";
import { type FormStatus, isKeyingReason, type Keying, settleKeyings } from "../../domain/paper-keying";
import type { Answers } from "../../domain/response";
import type { Database } from "./database";
import type { FormSettled, KeyingMove, StoredKeying } from "./paper-storage";
import { type MovableRow, moveResponses } from "./review-queries";
import type { StorageKind } from "./storage";

/** A keying takes part in settling unless an analyst held or excluded it for a reason of their own. */
const takesPart = (r: { review_state: string; review_reason: string | null }) =>
  r.review_state === "counted" || isKeyingReason(r.review_reason);

export async function settlePaperForms(
  db: Kysely<Database>,
  kind: StorageKind,
  surveyId: string,
  paperForms: readonly string[],
  choiceQuestions: ReadonlyMap<number, ReadonlySet<string>>,
): Promise<FormSettled[]> {
  const settled: FormSettled[] = [];
  for (const paperForm of [...new Set(paperForms)].sort()) {
    settled.push(
      await db.transaction().execute(async (trx) => {
        const q = trx
          .selectFrom("paper_keyings as k")
          .innerJoin("responses as r", "r.id", "k.response_id")
          .select(["r.id", "r.survey_version", "r.wave", "r.answers", "r.review_state", "r.review_reason"])
          .where("k.survey_id", "=", surveyId)
          .where("k.paper_form", "=", paperForm)
          .orderBy("r.id");
        // PostgreSQL: two keyings of one form settled at once by two requests take turns, and the
        // second sees the first's states. SQLite runs one write transaction at a time.
        const rows = (await (kind === "postgres" ? q.forUpdate("r") : q).execute()).filter(takesPart);
        if (rows.length === 0) return { paperForm, status: "awaiting" as FormStatus, moves: [] };
        const keyings: Keying[] = rows.map((r) => ({ id: r.id, answers: JSON.parse(r.answers) as Answers }));
        const { status, states } = settleKeyings(keyings);
        const moves: KeyingMove[] = [];
        // Grouped by target, so each group is one moveResponses (its answer_choices follow).
        const byTarget = new Map<string, MovableRow[]>();
        for (const row of rows) {
          const target = states.get(row.id);
          if (!target || (target.state === row.review_state && target.reason === row.review_reason)) continue;
          moves.push({ id: row.id, from: row.review_state, to: target.state, reason: target.reason });
          const key = JSON.stringify([target.state, target.reason]);
          byTarget.set(key, [...(byTarget.get(key) ?? []), row]);
        }
        for (const [key, group] of byTarget) {
          const [state, reason] = JSON.parse(key) as [MovableRow["review_state"], string | null];
          await moveResponses(trx, surveyId, group, state, reason, choiceQuestions);
        }
        return { paperForm, status, moves };
      }),
    );
  }
  return settled;
}

export async function paperForms(
  db: Kysely<Database>,
  surveyId: string,
  status: FormStatus | "all",
): Promise<{ paperForm: string; status: FormStatus; keyings: StoredKeying[] }[]> {
  const rows = await db
    .selectFrom("paper_keyings as k")
    .innerJoin("responses as r", "r.id", "k.response_id")
    .select([
      "k.paper_form",
      "k.keyed_by",
      "r.id",
      "r.received_at",
      "r.survey_version",
      "r.answers",
      "r.review_state",
      "r.review_reason",
    ])
    .where("k.survey_id", "=", surveyId)
    .orderBy("k.paper_form")
    .orderBy("r.id")
    .execute();
  const forms = new Map<string, StoredKeying[]>();
  for (const r of rows) {
    const keying: StoredKeying = {
      id: r.id,
      keyedBy: r.keyed_by,
      receivedAt: r.received_at,
      surveyVersion: Number(r.survey_version),
      state: r.review_state,
      reason: r.review_reason,
      answers: JSON.parse(r.answers) as Answers,
    };
    forms.set(r.paper_form, [...(forms.get(r.paper_form) ?? []), keying]);
  }
  return [...forms]
    .map(([paperForm, keyings]) => ({ paperForm, status: formStatusOf(keyings), keyings }))
    .filter((form) => status === "all" || form.status === status);
}

/** A form's status read off its keyings' stored states: the same verdict settling reached. */
function formStatusOf(keyings: readonly StoredKeying[]): FormStatus {
  if (keyings.some((k) => k.reason === "keying_mismatch")) return "disputed";
  if (keyings.some((k) => k.reason === "awaiting_second_keying")) return "awaiting";
  return "agreed";
}
