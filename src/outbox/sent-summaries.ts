import type { Entry } from "./db/requests";
import { decodeRecord, emptyCounts, OUTBOX_STATES, type OutboxCounts } from "./record";
import { expiringSentAt, hasExpired } from "./retention";

/*
 * The status line's counts and the retention purge ran after every sync pass, and each read and
 * decoded every record kept: with 5,000 sent records on a tablet (4x CPU throttle), about a second
 * of work per pass. A sent-store value is never rewritten under its key (db/sent-batch.ts), so what
 * one key holds is known for good once read: its summary is kept here, and only values added since
 * are read.
 */

/** What counts() and purgeExpired() need to know of one sent-store value. */
interface BatchSummary {
  /** Its records by state, read as list() reads them (a damaged value is one corrupt record). */
  counts: OutboxCounts;
  /** Its records that can expire (sound sent ones), with when they were sent. */
  expiring: { id: string; sentAt: number }[];
  /** The earliest of those sentAt; Infinity if none. */
  earliest: number;
}

function summarize(entries: readonly Entry[]): BatchSummary {
  const summary: BatchSummary = { counts: emptyCounts(), expiring: [], earliest: Number.POSITIVE_INFINITY };
  for (const { id, stored } of entries) {
    const record = decodeRecord(id, stored);
    summary.counts[record.state]++;
    const sentAt = expiringSentAt(record);
    if (sentAt === undefined) continue;
    summary.expiring.push({ id, sentAt });
    summary.earliest = Math.min(summary.earliest, sentAt);
  }
  return summary;
}

/** The summaries of the sent-store values read so far, by key; for one open outbox. */
export class SentSummaries {
  private readonly byKey = new Map<number, BatchSummary>();

  has(key: number): boolean {
    return this.byKey.has(key);
  }

  /**
   * Takes in a read of the store: its keys, and the entries of the values not summarized yet.
   * Forgets the keys gone (deleted here, or by another tab). Yields to the page between values once
   * a task has run for TASK_BUDGET_MS: the first pass of a page that holds a month of answers
   * decoded thousands of records, a second of a slow tablet's only thread in one go
   * (bench/RESULTS.md, status after a sync pass). A budget in time, not in values: a fixed five
   * values a task still made a 62 ms task on a slow tablet, and would make shorter tasks than
   * needed on a fast one.
   */
  async update(keys: readonly number[], unread: ReadonlyMap<number, readonly Entry[]>): Promise<void> {
    const present = new Set(keys);
    for (const key of this.byKey.keys()) if (!present.has(key)) this.byKey.delete(key);
    let taskStart = performance.now();
    let done = 0;
    for (const [key, entries] of unread) {
      this.byKey.set(key, summarize(entries));
      if (++done < unread.size && performance.now() - taskStart >= TASK_BUDGET_MS) {
        await nextTask();
        taskStart = performance.now();
      }
    }
  }

  /** The records of the values under `keys`, by state. */
  countsOf(keys: readonly number[]): OutboxCounts {
    const counts = emptyCounts();
    for (const key of keys) {
      const batch = this.byKey.get(key)?.counts;
      if (batch) for (const state of OUTBOX_STATES) counts[state] += batch[state];
    }
    return counts;
  }

  /** Of the values under `keys`, the ids of the records kept `days` at `now`, by key (those with any). */
  expired(keys: readonly number[], now: number, days: number): Map<number, string[]> {
    const cuts = new Map<number, string[]>();
    for (const key of keys) {
      const summary = this.byKey.get(key);
      if (!summary || !hasExpired(summary.earliest, now, days)) continue;
      const gone = summary.expiring.filter(({ sentAt }) => hasExpired(sentAt, now, days));
      cuts.set(
        key,
        gone.map(({ id }) => id),
      );
    }
    return cuts;
  }
}

/** Half of a long task's 50 ms: the value that passes it, and what else the task runs, fit beside it. */
const TASK_BUDGET_MS = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
