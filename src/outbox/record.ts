import "../domain/zod-config";
import { z } from "zod/mini";
import { describeProblems, problemsOf } from "../domain/issues";
import { Response } from "../domain/response";

export const OUTBOX_STATES = ["pending", "sent", "rejected", "conflict"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A record as it is written; a read is checked against this again (decodeRecord). */
export const StoredRecord = z.object({
  id: z.string(),
  response: Response,
  state: z.enum(OUTBOX_STATES),
  reason: z.optional(z.string()),
  /**
   * The collector's code for `reason` (ITEM_ERROR_CODES), which the device words in its reader's
   * language; `reason` stays the collector's English, for a code this app does not know.
   */
  reasonCode: z.optional(z.string()),
  queuedAt: z.number(),
  sentAt: z.optional(z.number()),
  /** When the collector last said, through POST /receipts, that it holds this id. */
  confirmedAt: z.optional(z.number()),
  attempts: z.number().check(z.int(), z.gte(0)),
});
export type StoredRecord = z.infer<typeof StoredRecord>;

export type OutboxRecord = StoredRecord & {
  /**
   * Set when the stored value failed its checks on read: `response` is then what was stored, not
   * a checked Response, and the record is shown as rejected so that it is never sent but stays visible.
   */
  corrupt?: true;
};

export type OutboxCounts = Record<OutboxState, number>;

export const CORRUPT_REASON = "corrupt record";

/**
 * What was read from the database, checked again: storage outlives app versions and can be edited
 * in devtools, so a bad record must be shown (as rejected) instead of crashing a list or being sent.
 * The stored value itself is left untouched so that it can still be exported and repaired.
 */
export function decodeRecord(key: string, raw: unknown): OutboxRecord {
  const parsed = StoredRecord.safeParse(raw);
  if (parsed.success && parsed.data.id === key && parsed.data.response.id === key) {
    const { reason, reasonCode, sentAt, confirmedAt, ...rest } = parsed.data;
    return {
      ...rest,
      ...(reason !== undefined && { reason }),
      ...(reasonCode !== undefined && { reasonCode }),
      ...(sentAt !== undefined && { sentAt }),
      ...(confirmedAt !== undefined && { confirmedAt }),
    };
  }
  const problem = parsed.success
    ? "its id does not match its response's id"
    : describeProblems(problemsOf(parsed.error));
  const value = (raw && typeof raw === "object" ? raw : {}) as Partial<Record<keyof OutboxRecord, unknown>>;
  return {
    id: key,
    response: (value.response ?? {}) as Response,
    state: "rejected",
    reason: `${CORRUPT_REASON}: ${problem}`,
    queuedAt: typeof value.queuedAt === "number" ? value.queuedAt : 0,
    attempts: typeof value.attempts === "number" ? value.attempts : 0,
    corrupt: true,
  };
}

export function emptyCounts(): OutboxCounts {
  return { pending: 0, sent: 0, rejected: 0, conflict: 0 };
}
