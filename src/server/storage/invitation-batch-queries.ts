import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { InvitationBatch } from "../../contract/invitation-batches";
import { chunks } from "./chunks";
import type { Database, InvitationBatchesTable } from "./database";
import type { InvitationRefusal, StratumUse } from "./invitation-batch-storage";
import type { NewResponse } from "./response-storage";
import type { StorageKind } from "./storage";

const toCount = (value: string | number | bigint | null) => Number(value ?? 0);

export async function insertInvitationBatch(
  db: Kysely<Database>,
  batch: InvitationBatch,
  makeCode: () => string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("invitation_batches")
      .values({
        id: batch.id,
        survey_id: batch.surveyId,
        wave: batch.wave,
        stratum: batch.stratum,
        count: batch.count,
        created_at: batch.createdAt,
      })
      .execute();
    // 31^8 codes: a clash with a code of any batch is about one in a million batches, and drawn again.
    let missing = batch.count;
    while (missing > 0) {
      const codes = [...new Set(Array.from({ length: missing }, makeCode))];
      for (const part of chunks(codes, 500)) {
        const stored = await trx
          .insertInto("invitation_codes")
          .values(
            part.map((code) => ({
              code,
              batch_id: batch.id,
              survey_id: batch.surveyId,
              wave: batch.wave,
              stratum: batch.stratum,
              used: null,
            })),
          )
          .onConflict((oc) => oc.column("code").doNothing())
          .returning("code")
          .execute();
        missing -= stored.length;
      }
    }
  });
}

export async function invitationBatch(
  db: Kysely<Database>,
  id: string,
): Promise<InvitationBatch | undefined> {
  const row = await db.selectFrom("invitation_batches").selectAll().where("id", "=", id).executeTakeFirst();
  return row && batchFromRow(row);
}

export async function invitationBatches(db: Kysely<Database>, surveyId: string): Promise<InvitationBatch[]> {
  const rows = await db
    .selectFrom("invitation_batches")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(batchFromRow);
}

export async function invitationCodes(
  db: Kysely<Database>,
  batchId: string,
  which: "all" | "unused",
): Promise<string[]> {
  let q = db.selectFrom("invitation_codes").select("code").where("batch_id", "=", batchId);
  if (which === "unused") q = q.where("used", "is", null);
  return (await q.orderBy("code").execute()).map((r) => r.code);
}

export async function invitationUse(
  db: Kysely<Database>,
  surveyId: string,
  wave: number,
): Promise<StratumUse[]> {
  const rows = await db
    .selectFrom("invitation_codes")
    .select((eb) => [
      "stratum",
      eb.fn.countAll().as("mailed"),
      eb.fn.sum<number>(sql`case when used = 'online' then 1 else 0 end`).as("online"),
      eb.fn.sum<number>(sql`case when used = 'paper' then 1 else 0 end`).as("paper"),
    ])
    .where("survey_id", "=", surveyId)
    .where("wave", "=", wave)
    .groupBy("stratum")
    .execute();
  return rows
    .map((r) => ({
      stratum: r.stratum,
      mailed: toCount(r.mailed),
      online: toCount(r.online),
      paper: toCount(r.paper),
    }))
    .sort((a, b) => (a.stratum ?? "").localeCompare(b.stratum ?? "") || (a.stratum === null ? -1 : 1));
}

export async function countedByMode(
  db: Kysely<Database>,
  surveyId: string,
  wave: number,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("responses")
    .select((eb) => ["mode", eb.fn.countAll().as("n")])
    .where("survey_id", "=", surveyId)
    .where("wave", "=", wave)
    .where("review_state", "=", "counted")
    .groupBy("mode")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.mode, toCount(r.n)]));
}

function batchFromRow(row: Selectable<InvitationBatchesTable>): InvitationBatch {
  return {
    id: row.id,
    surveyId: row.survey_id,
    wave: Number(row.wave),
    stratum: row.stratum,
    count: Number(row.count),
    createdAt: row.created_at,
  };
}

/** The codes a transaction will mark used once their responses are stored, by the code's wave. */
export interface InvitationClaims {
  /** Refused responses by id: not to be stored. */
  refused: Map<string, InvitationRefusal>;
  /** Response id → its code, channel and the code's survey and wave. */
  claims: Map<string, { code: string; used: "online" | "paper"; surveyId: string; wave: number }>;
}

/**
 * Decides, inside the transaction that stores `rows`, which codes they may use: one response per
 * code, so a code used before, or by an earlier row of the batch, refuses the row. A row whose id
 * is stored already is left to the insert (duplicate or conflict, whatever its code). On PostgreSQL
 * every code of the waves involved is locked first, in one order, so that two collectors handed
 * the same code at once admit one response and the other sees it used.
 */
export async function claimInvitations(
  trx: Transaction<Database>,
  rows: readonly NewResponse[],
  kind: StorageKind,
): Promise<InvitationClaims> {
  const refused = new Map<string, InvitationRefusal>();
  const claims: InvitationClaims["claims"] = new Map();
  const codes = [...new Set(rows.map((r) => r.invitation as string))];
  const found = new Map<string, { survey_id: string; wave: number; used: string | null }>();
  for (const part of chunks(codes, 500)) {
    const rowsFound = await trx
      .selectFrom("invitation_codes")
      .select(["code", "survey_id", "wave"])
      .where("code", "in", part)
      .execute();
    for (const r of rowsFound)
      found.set(r.code, { survey_id: r.survey_id, wave: Number(r.wave), used: null });
  }
  const waves = [...new Set([...found.values()].map((f) => JSON.stringify([f.survey_id, f.wave])))].sort();
  for (const key of waves) {
    const [surveyId, wave] = JSON.parse(key) as [string, number];
    const q = trx
      .selectFrom("invitation_codes")
      .select(["code", "used"])
      .where("survey_id", "=", surveyId)
      .where("wave", "=", wave)
      .orderBy("code");
    // Read after the lock: on PostgreSQL, what a transaction that held it committed.
    for (const r of await (kind === "postgres" ? q.forUpdate() : q).execute()) {
      const f = found.get(r.code);
      if (f) f.used = r.used;
    }
  }
  const stored = new Set<string>();
  for (const part of chunks(
    rows.map((r) => r.response.id),
    500,
  )) {
    const ids = await trx.selectFrom("responses").select("id").where("id", "in", part).execute();
    for (const { id } of ids) stored.add(id);
  }
  const taken = new Set<string>();
  for (const row of rows) {
    const { id, surveyId, mode } = row.response;
    if (stored.has(id)) continue;
    const code = row.invitation as string;
    const f = found.get(code);
    if (!f) refused.set(id, "invitation_unknown");
    else if (f.survey_id !== surveyId) refused.set(id, "invitation_other_survey");
    else if (f.used !== null || taken.has(code)) refused.set(id, "invitation_used");
    else {
      taken.add(code);
      claims.set(id, { code, used: channelOf(mode), surveyId, wave: f.wave });
    }
  }
  return { refused, claims };
}

/** A paper form's code was returned by post; any other response's came from a device. */
const channelOf = (mode: string): "online" | "paper" => (mode === "paper" ? "paper" : "online");

/**
 * Marks the codes of the stored responses used. Every code row of each wave involved is rewritten,
 * used or not, so on PostgreSQL they all carry this transaction's xmin and a new ctid, and none
 * stands out as the one the response inserted in the same transaction used.
 */
export async function markInvitationsUsed(
  trx: Transaction<Database>,
  claims: Iterable<{ code: string; used: "online" | "paper"; surveyId: string; wave: number }>,
): Promise<void> {
  const byWave = new Map<string, { surveyId: string; wave: number; online: string[]; paper: string[] }>();
  for (const c of claims) {
    const key = JSON.stringify([c.surveyId, c.wave]);
    const group = byWave.get(key) ?? { surveyId: c.surveyId, wave: c.wave, online: [], paper: [] };
    group[c.used].push(c.code);
    byWave.set(key, group);
  }
  const inList = (codes: string[]) => (codes.length === 0 ? sql`false` : sql`code in (${sql.join(codes)})`);
  for (const key of [...byWave.keys()].sort()) {
    const g = byWave.get(key) as { surveyId: string; wave: number; online: string[]; paper: string[] };
    await trx
      .updateTable("invitation_codes")
      .set({
        used: sql`case when ${inList(g.online)} then 'online' when ${inList(g.paper)} then 'paper' else used end`,
      })
      .where("survey_id", "=", g.surveyId)
      .where("wave", "=", g.wave)
      .execute();
  }
}
