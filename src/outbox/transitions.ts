import type { ItemResult } from "../contract/responses";
import type { OutboxRecord } from "./record";

const DEFAULT_REASON = {
  conflict: "the collector holds this id with other content",
  rejected: "the collector rejected this response",
} as const;

/**
 * The one place a record changes state. "sent" is final: the collector said it holds the response,
 * and no later answer can take that back, so a late or repeated result never downgrades it.
 */
export function applyItemResult(record: OutboxRecord, result: ItemResult, now: number): OutboxRecord {
  const attempts = record.attempts + 1;
  if (record.state === "sent") return { ...record, attempts };
  switch (result.status) {
    case "accepted":
    case "duplicate": {
      const { reason: _reason, reasonCode: _code, ...rest } = record;
      return { ...rest, state: "sent", sentAt: now, attempts };
    }
    case "conflict":
    case "rejected": {
      const { reasonCode: _earlier, ...rest } = record;
      return {
        ...rest,
        state: result.status,
        reason: result.error ?? DEFAULT_REASON[result.status],
        ...(result.code !== undefined && { reasonCode: result.code }),
        attempts,
      };
    }
  }
}
