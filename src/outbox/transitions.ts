import type { ItemResult } from "../contract/responses";
import { Response } from "../domain/response";
import { checked } from "./errors";
import type { OutboxRecord, StoredRecord } from "./record";

/*
 * The one place a record changes: each function takes a record as read (decodeRecord) and gives
 * what to write, or undefined to leave it as it is. A corrupt record is never changed: its stored
 * value is kept as it was, for repair. "sent" is final but for a person's requeue: the collector
 * said it holds the response, and no later answer can take that back.
 */

const DEFAULT_REASON = {
  conflict: "the collector holds this id with other content",
  rejected: "the collector rejected this response",
} as const;

/** A checked response, queued to be sent. */
export function queued(response: Response, now: number): StoredRecord {
  return { id: response.id, response, state: "pending", queuedAt: now, attempts: 0 };
}

/** The collector's answer for the record: a late or repeated result never downgrades a sent one. */
export function applyItemResult(
  record: OutboxRecord,
  result: ItemResult,
  now: number,
): StoredRecord | undefined {
  const { corrupt, ...stored } = record;
  if (corrupt) return undefined;
  const attempts = stored.attempts + 1;
  if (stored.state === "sent") return { ...stored, attempts };
  switch (result.status) {
    case "accepted":
    case "duplicate": {
      const { reason: _reason, reasonCode: _code, ...rest } = stored;
      return { ...rest, state: "sent", sentAt: now, attempts };
    }
    case "conflict":
    case "rejected": {
      const { reasonCode: _earlier, ...rest } = stored;
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

/** What POST /receipts said of a sent record: the collector holds it (at `now`), or no longer does. */
export function receipted(record: OutboxRecord, held: boolean, now: number): StoredRecord | undefined {
  const { corrupt, confirmedAt: _confirmedAt, ...rest } = record;
  if (corrupt || record.state !== "sent") return undefined;
  return held ? { ...rest, confirmedAt: now } : rest;
}

/**
 * A sent record put back in the queue, on staff's request, when the collector does not confirm it;
 * safe because the collector dedupes by id (a resend of one it holds comes back "duplicate").
 */
export function requeued(record: OutboxRecord): StoredRecord | undefined {
  const { corrupt, sentAt: _s, confirmedAt: _k, reason: _r, reasonCode: _rc, ...rest } = record;
  if (corrupt || record.state !== "sent") return undefined;
  return { ...rest, state: "pending" };
}

/**
 * "Keep as a new response": a record in conflict (the collector holds its id with other answers),
 * its answers unchanged, as a new pending record under `newId`. Throws OutboxValidationError when
 * `newId` is not one a response can have.
 */
export function keptAsNew(record: OutboxRecord, newId: string, now: number): StoredRecord | undefined {
  if (record.corrupt || record.state !== "conflict") return undefined;
  return queued(checked(Response, { ...record.response, id: newId }), now);
}
