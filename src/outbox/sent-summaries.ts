import { decodeRecord, emptyCounts, type OutboxCounts } from "./record";
import { batchEntries } from "./sent-archive";

/*
 * The status line's counts and the retention purge ran after every sync pass, and each read and
 * decoded every record kept: with 5,000 sent records on a tablet (4x CPU throttle), about a second
 * of work per pass. A sent-store value is never rewritten under its key (sent-archive.ts), so what
 * one key holds is known for good once read: its summary is kept here, and only values added since
 * are read.
 */

/** What counts() and purgeExpired() need to know of one sent-store value. */
export interface BatchSummary {
  /** Its records by state, read as list() reads them (a damaged value is one corrupt record). */
  counts: OutboxCounts;
  /** The earliest sentAt of its sound sent records, the only ones that expire; Infinity if none. */
  earliestSentAt: number;
}

export function summarizeBatch(key: number, value: unknown): BatchSummary {
  const counts = emptyCounts();
  let earliestSentAt = Number.POSITIVE_INFINITY;
  for (const { id, stored } of batchEntries(key, value)) {
    const record = decodeRecord(id, stored);
    counts[record.state]++;
    if (!record.corrupt && record.state === "sent" && record.sentAt !== undefined)
      earliestSentAt = Math.min(earliestSentAt, record.sentAt);
  }
  return { counts, earliestSentAt };
}

/** The summaries of the sent-store values read so far, by key; for one open outbox. */
export class SentSummaries {
  private readonly byKey = new Map<number, BatchSummary>();

  get(key: number): BatchSummary | undefined {
    return this.byKey.get(key);
  }

  has(key: number): boolean {
    return this.byKey.has(key);
  }

  remember(key: number, value: unknown): BatchSummary {
    const summary = summarizeBatch(key, value);
    this.byKey.set(key, summary);
    return summary;
  }

  /** Forgets the values no longer in the store (deleted here, or by another tab). */
  keepOnly(keys: readonly number[]): void {
    const present = new Set(keys);
    for (const key of this.byKey.keys()) if (!present.has(key)) this.byKey.delete(key);
  }
}
