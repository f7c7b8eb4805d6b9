import type { Kysely, Transaction } from "kysely";
import type { ReviewSummary } from "../../contract/reviews";
import { chosenOptions } from "../../domain/chosen-options";
import type { Answers } from "../../domain/response";
import type { ReviewState } from "../../domain/review";
import { chunks } from "./chunks";
import type { Database } from "./database";
import type { ReviewChange, ReviewOutcome, ReviewUndo, UndoOutcome } from "./review-storage";
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
 * Moves the chosen responses to `change.to` in one transaction, and records the change and each
 * response's state before and after it (review_changes), so that it can be undone. Ids this survey
 * does not hold make it change nothing and name them.
 */
export async function changeReview(
  db: Kysely<Database>,
  change: ReviewChange,
  kind: StorageKind,
): Promise<ReviewOutcome> {
  return await db.transaction().execute(async (trx) => {
    if (change.ids) {
      const asked = [...new Set(change.ids)];
      const found = new Set<string>();
      for (const part of chunks(asked, 500)) {
        const rows = await trx
          .selectFrom("responses")
          .select("id")
          .where("survey_id", "=", change.surveyId)
          .where("id", "in", part)
          .execute();
        for (const r of rows) found.add(r.id);
      }
      const unknownIds = asked.filter((id) => !found.has(id));
      if (unknownIds.length > 0) return { changed: 0, matched: 0, unknownIds };
    }
    let q = trx
      .selectFrom("responses")
      .select(["id", "survey_version", "wave", "answers", "review_state", "review_reason"])
      .where("survey_id", "=", change.surveyId);
    if (change.ids) q = q.where("id", "in", [...change.ids]);
    const f = change.filter;
    if (f) {
      if (f.state !== undefined) q = q.where("review_state", "=", f.state);
      if (f.reason !== undefined) q = q.where("review_reason", "=", f.reason);
      if (f.wave !== undefined) q = q.where("wave", "=", f.wave);
      if (f.eventId !== undefined) q = q.where("event_id", "=", f.eventId);
      if (f.deviceId !== undefined) q = q.where("device_id", "=", f.deviceId);
      if (f.mode !== undefined) q = q.where("mode", "=", f.mode);
      // submitted_at is stored as the device wrote it, an ISO instant in UTC (toISOString), so the
      // bounds are compared in that form.
      if (f.from !== undefined) q = q.where("submitted_at", ">=", new Date(f.from).toISOString());
      if (f.to !== undefined) q = q.where("submitted_at", "<", new Date(f.to).toISOString());
    }
    // PostgreSQL: lock the rows, so two analysts releasing at once write answer_choices once.
    // SQLite runs one write transaction at a time, and has no FOR UPDATE.
    const matched = await (kind === "postgres" ? q.forUpdate() : q).execute();
    const rows = matched.filter((r) => r.review_state !== change.to);
    if (rows.length === 0) return { changed: 0, matched: matched.length, unknownIds: [] };
    await moveResponses(trx, change.surveyId, rows, change.to, change.reason, change.choiceQuestions);
    const toReason = change.to === "counted" ? null : change.reason;
    await recordChange(
      trx,
      {
        id: change.changeId,
        surveyId: change.surveyId,
        at: change.at,
        actor: change.actor,
        reason: change.reason,
      },
      rows.map((r) => ({
        id: r.id,
        fromState: r.review_state,
        fromReason: r.review_reason,
        toState: change.to,
        toReason,
      })),
    );
    return { changed: rows.length, matched: matched.length, unknownIds: [] };
  });
}

interface ItemMove {
  id: string;
  fromState: ReviewState;
  fromReason: string | null;
  toState: ReviewState;
  toReason: string | null;
}

async function recordChange(
  trx: Transaction<Database>,
  change: { id: string; surveyId: string; at: string; actor: string | null; reason: string; undoes?: string },
  items: readonly ItemMove[],
): Promise<void> {
  await trx
    .insertInto("review_changes")
    .values({
      id: change.id,
      survey_id: change.surveyId,
      at: change.at,
      actor: change.actor,
      reason: change.reason,
      undoes: change.undoes ?? null,
      undone_by: null,
    })
    .execute();
  for (const part of chunks(items, 500))
    await trx
      .insertInto("review_change_items")
      .values(
        part.map((m) => ({
          change_id: change.id,
          response_id: m.id,
          from_state: m.fromState,
          from_reason: m.fromReason,
          to_state: m.toState,
          to_reason: m.toReason,
        })),
      )
      .execute();
}

/**
 * Undoes a change: each response it moved and nothing moved since (still in the state and reason
 * the change gave it) goes back to where it was; the undo is a change of its own, so it can be
 * undone too. A response moved again since keeps its newer state and is counted in keptNewer.
 */
export async function undoReview(
  db: Kysely<Database>,
  undo: ReviewUndo,
  kind: StorageKind,
): Promise<UndoOutcome> {
  return await db.transaction().execute(async (trx) => {
    let changeQuery = trx
      .selectFrom("review_changes")
      .selectAll()
      .where("id", "=", undo.changeId)
      .where("survey_id", "=", undo.surveyId);
    if (kind === "postgres") changeQuery = changeQuery.forUpdate();
    const change = await changeQuery.executeTakeFirst();
    if (!change) return { kind: "not_found" };
    if (change.undone_by) return { kind: "already_undone", undoneBy: change.undone_by };
    const items = await trx
      .selectFrom("review_change_items as i")
      .innerJoin("responses as r", "r.id", "i.response_id")
      .select([
        "r.id",
        "r.survey_version",
        "r.wave",
        "r.answers",
        "r.review_state",
        "r.review_reason",
        "i.from_state",
        "i.from_reason",
        "i.to_state",
        "i.to_reason",
      ])
      .where("i.change_id", "=", undo.changeId)
      .execute();
    const still = items.filter((i) => i.review_state === i.to_state && i.review_reason === i.to_reason);
    const groups = new Map<string, typeof still>();
    for (const item of still) {
      const key = JSON.stringify([item.from_state, item.from_reason]);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    for (const [key, group] of groups) {
      const [state, reason] = JSON.parse(key) as [ReviewState, string | null];
      await moveResponses(trx, undo.surveyId, group, state, reason, undo.choiceQuestions);
    }
    await recordChange(
      trx,
      {
        id: undo.undoId,
        surveyId: undo.surveyId,
        at: undo.at,
        actor: undo.actor,
        reason: undo.reason,
        undoes: undo.changeId,
      },
      still.map((i) => ({
        id: i.id,
        fromState: i.to_state,
        fromReason: i.to_reason,
        toState: i.from_state,
        toReason: i.from_reason,
      })),
    );
    await trx
      .updateTable("review_changes")
      .set({ undone_by: undo.undoId })
      .where("id", "=", undo.changeId)
      .execute();
    return { kind: "undone", restored: still.length, keptNewer: items.length - still.length };
  });
}

/** A survey's latest review changes, newest first, with how many responses each moved. */
export async function reviewChanges(
  db: Kysely<Database>,
  surveyId: string,
  limit: number,
): Promise<ReviewSummary["changes"]> {
  const rows = await db
    .selectFrom("review_changes as c")
    .leftJoin("review_change_items as i", "i.change_id", "c.id")
    .select((eb) => [
      "c.id",
      "c.at",
      "c.actor",
      "c.reason",
      "c.undoes",
      "c.undone_by",
      eb.fn.count<string | number | bigint>("i.response_id").as("n"),
    ])
    .where("c.survey_id", "=", surveyId)
    .groupBy(["c.id", "c.at", "c.actor", "c.reason", "c.undoes", "c.undone_by"])
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    reason: r.reason,
    n: Number(r.n),
    undoes: r.undoes,
    undoneBy: r.undone_by,
  }));
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
