import { uuidv7 } from "../../domain/uuid";
import type { OutboxRecord } from "../../outbox";
import { getOutbox } from "./outbox";
import { syncNow } from "./sync";

/** The answers the collector refused (rejected) or holds otherwise (conflict), oldest first. */
export async function heldAnswers(): Promise<OutboxRecord[]> {
  const records = await (await getOutbox()).list();
  return records.filter((r) => r.state === "rejected" || r.state === "conflict");
}

/**
 * "Keep as a new response": the answers of a conflicting record, queued again under a new id and
 * sent at once. The collector keeps what it held under the old id; both count as answers.
 */
export async function keepAsNewResponse(id: string): Promise<boolean> {
  const kept = await (await getOutbox()).keepAsNew(id, uuidv7());
  if (kept) void syncNow();
  return kept;
}
