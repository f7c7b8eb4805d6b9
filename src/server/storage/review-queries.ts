import type { Kysely, Transaction } from "kysely";
import type { ReviewSummary } from "../../contract/reviews";
import { chosenOptions } from "../../domain/chosen-options";
import type { Answers } from "../../domain/response";
import type { ReviewState } from "../../domain/review";
import { chunks } from "./chunks";
import type { Database } from "./database";
import type { ReviewChange } from "./review-storage";
import type { StorageKind } from "./storage";

/** What is not counted in a survey, by state, reason and wave (the partial index serves it). */
export async function reviewSummary(
  db: Kysely<Database>,
  surveyId: string,
): Promise<ReviewSummary["groups"]> {
  const rows = await db
    .selectFrom("responses")
    .select((eb) => [
      "review_state",
      "review_reason",
      "wave",
      eb.fn.countAll<string | number | bigint>().as("n"),
    ])
    .where("survey_id", "=", surveyId)
    .where("review_state", "<>", "counted")
    .groupBy(["review_state", "review_reason", "wave"])
    .orderBy("wave", "desc")
    .execute();
  return rows.map((r) => ({
    state: r.review_state,
    reason: r.review_reason,
    wave: Number(r.wave),
    n: Number(r.n),
  }));
}

/**
 * Moves the chosen responses to `change.to` in one transaction. answer_choices, the tally index,
 * follows: rows are written for a response that becomes counted and removed for one that stops
 * being counted. Which answers are choices depends on the definition, so the caller names the
 * choice questions of each version.
 */
export async function changeReview(
  db: Kysely<Database>,
  change: ReviewChange,
  kind: StorageKind,
): Promise<number> {
  return await db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom("responses")
      .select(["id", "survey_version", "wave", "answers", "review_state"])
      .where("survey_id", "=", change.surveyId)
      .where("review_state", "<>", change.to);
    if (change.ids) q = q.where("id", "in", [...change.ids]);
    if (change.filter) {
      q = q.where("review_state", "=", change.filter.state);
      if (change.filter.reason !== undefined) q = q.where("review_reason", "=", change.filter.reason);
      if (change.filter.wave !== undefined) q = q.where("wave", "=", change.filter.wave);
    }
    // PostgreSQL: lock the rows, so two analysts releasing at once write answer_choices once.
    // SQLite runs one write transaction at a time, and has no FOR UPDATE.
    const rows = await (kind === "postgres" ? q.forUpdate() : q).execute();
    await moveResponses(trx, change.surveyId, rows, change.to, change.reason, change.choiceQuestions);
    return rows.length;
  });
}

/** A stored response as moving it between review states needs it. */
export interface MovableRow {
  id: string;
  survey_version: number;
  wave: number;
  answers: string;
  review_state: ReviewState;
}

/**
 * Sets `rows` to `to` (reason null when counted) inside the caller's transaction. answer_choices,
 * the tally index, follows: rows are written for a response that becomes counted and removed for
 * one that stops being counted. Which answers are choices depends on the definition, so the caller
 * names the choice questions of each version.
 */
export async function moveResponses(
  trx: Transaction<Database>,
  surveyId: string,
  rows: readonly MovableRow[],
  to: ReviewState,
  reason: string | null,
  choiceQuestions: ReadonlyMap<number, ReadonlySet<string>>,
): Promise<void> {
  for (const part of chunks(rows, 500))
    await trx
      .updateTable("responses")
      .set({ review_state: to, review_reason: to === "counted" ? null : reason })
      .where(
        "id",
        "in",
        part.map((r) => r.id),
      )
      .execute();
  const leaving = rows.filter((r) => r.review_state === "counted" && to !== "counted").map((r) => r.id);
  for (const part of chunks(leaving, 500))
    await trx.deleteFrom("answer_choices").where("response_id", "in", part).execute();
  if (to !== "counted") return;
  const choices = rows
    .filter((r) => r.review_state !== "counted")
    .flatMap((r) =>
      chosenOptions(
        choiceQuestions.get(Number(r.survey_version)) ?? new Set(),
        JSON.parse(r.answers) as Answers,
      ).map((c) => ({
        response_id: r.id,
        survey_id: surveyId,
        wave: Number(r.wave),
        question_id: c.questionId,
        option_id: c.optionId,
      })),
    );
  for (const part of chunks(choices, 500)) await trx.insertInto("answer_choices").values(part).execute();
}

/** For a test's eyes: the state of each id, in the order asked. */
export async function reviewStatesOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(ReviewState | undefined)[]> {
  const found = new Map<string, ReviewState>();
  for (const part of chunks([...new Set(ids)], 500)) {
    const rows = await db
      .selectFrom("responses")
      .select(["id", "review_state"])
      .where("id", "in", part)
      .execute();
    for (const r of rows) found.set(r.id, r.review_state);
  }
  return ids.map((id) => found.get(id));
}
