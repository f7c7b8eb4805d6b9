import type { Kysely, Selectable, Transaction } from "kysely";
import { chunks } from "./chunks";
import type { Database, ResponsesTable } from "./database";
import { takeIntake } from "./intake-queries";
import type { IntakeQuota } from "./intake-storage";
import { claimInvitations, markInvitationsUsed } from "./invitation-batch-queries";
import type { InsertOutcome, NewResponse, StoredResponse } from "./response-storage";
import type { StorageKind } from "./storage";

export async function insertResponses(
  db: Kysely<Database>,
  rows: readonly NewResponse[],
  receivedAt: string,
  intake: IntakeQuota | undefined,
  kind: StorageKind,
): Promise<InsertOutcome> {
  const firstById = new Map<string, NewResponse>();
  for (const row of rows) if (!firstById.has(row.response.id)) firstById.set(row.response.id, row);
  // Inserted in id order, whatever the batch's order: an insert locks each id it writes, so two
  // transactions taking the same ids in opposite orders (one batch and a reordered resend, on two
  // collectors or two connections) would wait on each other, and PostgreSQL would abort one as a
  // deadlock. In one order the second just waits for the first and finds its ids stored.
  const unique = [...firstById.values()].sort((x, y) =>
    x.response.id < y.response.id ? -1 : x.response.id > y.response.id ? 1 : 0,
  );
  if (unique.length === 0)
    return { inserted: new Set(), storedHashes: new Map(), held: new Set(), refused: new Map() };

  return await db.transaction().execute(async (trx) => {
    // In the batch's order (the order its answers were given): of two with one code, the first has it.
    const invited = [...firstById.values()].filter((row) => row.invitation !== undefined);
    const { refused, claims } =
      invited.length > 0
        ? await claimInvitations(trx, invited, kind)
        : { refused: new Map(), claims: new Map() };
    const toStore = refused.size > 0 ? unique.filter((row) => !refused.has(row.response.id)) : unique;
    const inserted = new Set<string>();
    for (const part of chunks(toStore, 100)) {
      const returned = await trx
        .insertInto("responses")
        .values(part.map((row) => toRow(row, receivedAt)))
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .execute();
      for (const { id } of returned) inserted.add(id);
    }
    // A code is used only by a response this transaction stored (another may have stored its id first).
    if (claims.size > 0)
      await markInvitationsUsed(
        trx,
        [...claims].filter(([id]) => inserted.has(id)).map(([, c]) => c),
      );
    const held = new Set(
      unique.filter((r) => r.hold && inserted.has(r.response.id)).map((r) => r.response.id),
    );
    if (intake) {
      // Only what this call stored counts against its source: a resend of a lost answer costs nothing.
      const candidates = unique.filter((r) => inserted.has(r.response.id) && !held.has(r.response.id));
      const allowed = await takeIntake(
        trx,
        intake.windowStart,
        intake.source,
        inserted.size,
        candidates.length,
        intake.countedLimit,
      );
      // In id order, and ids are UUIDv7 (time of submit): the latest answers of a burst are held.
      const over = candidates.slice(allowed).map((r) => r.response.id);
      for (const part of chunks(over, 500)) {
        await trx
          .updateTable("responses")
          .set({ review_state: "held", review_reason: "burst" })
          .where("id", "in", part)
          .execute();
        for (const id of part) held.add(id);
      }
    }
    // answer_choices is the tally index of counted responses only (see the review-state migration).
    const choices = unique
      .filter((row) => inserted.has(row.response.id) && !held.has(row.response.id))
      .flatMap(({ response, wave, choices }) =>
        choices.map((c) => ({
          response_id: response.id,
          survey_id: response.surveyId,
          wave,
          question_id: c.questionId,
          option_id: c.optionId,
        })),
      );
    for (const part of chunks(choices, 500)) await trx.insertInto("answer_choices").values(part).execute();
    const keyings = unique.flatMap(({ response: r, keyedBy }) =>
      keyedBy !== undefined && r.paperForm !== undefined && inserted.has(r.id)
        ? [{ response_id: r.id, survey_id: r.surveyId, paper_form: r.paperForm, keyed_by: keyedBy }]
        : [],
    );
    for (const part of chunks(keyings, 500)) await trx.insertInto("paper_keyings").values(part).execute();
    // A row this transaction inserted holds the hash it was given; only the others (already there,
    // maybe with other content) are read back. A batch of new responses thus costs no SELECT.
    const storedHashes = await hashesOf(
      trx,
      [...firstById.keys()].filter((id) => !inserted.has(id) && !refused.has(id)),
    );
    for (const id of inserted) storedHashes.set(id, (firstById.get(id) as NewResponse).contentHash);
    return { inserted, storedHashes, held, refused };
  });
}

async function hashesOf(trx: Transaction<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const part of chunks(ids, 500)) {
    const found = await trx
      .selectFrom("responses")
      .select(["id", "content_hash"])
      .where("id", "in", part)
      .execute();
    for (const r of found) hashes.set(r.id, r.content_hash);
  }
  return hashes;
}

function toRow({ response: r, wave, contentHash, hold }: NewResponse, receivedAt: string): ResponsesTable {
  return {
    id: r.id,
    survey_id: r.surveyId,
    survey_version: r.surveyVersion,
    wave,
    submitted_at: r.submittedAt,
    received_at: receivedAt,
    locale: r.locale,
    mode: r.mode,
    event_id: r.eventId ?? null,
    device_id: r.deviceId ?? null,
    answers: JSON.stringify(r.answers),
    content_hash: contentHash,
    review_state: hold ? "held" : "counted",
    review_reason: hold ?? null,
  };
}

export async function storedIds(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = new Set<string>();
  for (const part of chunks(unique, 500)) {
    const rows = await db.selectFrom("responses").select("id").where("id", "in", part).execute();
    for (const { id } of rows) found.add(id);
  }
  return unique.filter((id) => found.has(id));
}

export async function responsesPage(
  db: Kysely<Database>,
  query: {
    surveyId: string;
    wave: number | null;
    afterId: string | null;
    limit: number;
    allStates?: boolean;
  },
): Promise<StoredResponse[]> {
  let q = db.selectFrom("responses").selectAll().where("survey_id", "=", query.surveyId);
  if (!query.allStates) q = q.where("review_state", "=", "counted");
  if (query.wave !== null) q = q.where("wave", "=", query.wave);
  if (query.afterId !== null) q = q.where("id", ">", query.afterId);
  const rows = await q.orderBy("id").limit(query.limit).execute();
  return rows.map(fromRow);
}

function fromRow(row: Selectable<ResponsesTable>): StoredResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyVersion: Number(row.survey_version),
    wave: Number(row.wave),
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    locale: row.locale,
    mode: row.mode,
    eventId: row.event_id,
    deviceId: row.device_id,
    answers: JSON.parse(row.answers),
    reviewState: row.review_state,
    reviewReason: row.review_reason,
  };
}
