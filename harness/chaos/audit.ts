import { type Kysely, sql } from "kysely";
import { canonicalJson, sha256Hex } from "../../src/domain/canonical-json";
import type { Response } from "../../src/domain/response";
import type { Database } from "../../src/server/storage";
import { expectedChoices } from "../fixtures/ward-responses";

/** What the collector's database holds, measured against what the devices sent. */
export interface Audit {
  /** Rows in responses and distinct ids among them: equal unless something is stored twice. */
  rows: number;
  distinctIds: number;
  /** `mustHold` ids the database does not have. */
  lost: string[];
  /** Rows beyond one per id, plus answer_choices rows beyond one per chosen option. */
  duplicated: number;
  /** Stored ids nobody sent: the collector's ids must be a subset of the devices'. */
  unknown: string[];
  /** Stored ids whose content hash is not the hash of what was sent. */
  altered: string[];
}

/**
 * Reads every stored row back. `sent` is every response any device sent (the universe of allowed
 * ids and their content); `mustHold` the ids that must be stored (all of them, or the acknowledged).
 */
export async function auditDatabase(
  db: Kysely<Database>,
  sent: ReadonlyMap<string, Response>,
  mustHold: Iterable<string>,
): Promise<Audit> {
  const stored = await db.selectFrom("responses").select(["id", "content_hash"]).execute();
  const { distinct } = await db
    .selectFrom("responses")
    .select(sql<number>`count(distinct id)`.as("distinct"))
    .executeTakeFirstOrThrow();
  const choiceRows = await db
    .selectFrom("answer_choices")
    .select(["response_id", sql<number>`count(*)`.as("n")])
    .groupBy("response_id")
    .execute();

  const storedIds = new Set(stored.map((r) => r.id));
  const unknown = [...storedIds].filter((id) => !sent.has(id));
  const altered: string[] = [];
  for (const row of stored) {
    const response = sent.get(row.id);
    if (response && row.content_hash !== (await sha256Hex(canonicalJson(response)))) altered.push(row.id);
  }
  let extraChoices = 0;
  for (const { response_id, n } of choiceRows) {
    const response = sent.get(response_id);
    extraChoices += Math.max(0, Number(n) - (response ? expectedChoices(response) : 0));
  }
  return {
    rows: stored.length,
    distinctIds: Number(distinct),
    lost: [...mustHold].filter((id) => !storedIds.has(id)),
    duplicated: stored.length - Number(distinct) + extraChoices,
    unknown,
    altered,
  };
}
