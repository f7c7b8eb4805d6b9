import { decodeRecord, emptyCounts, OUTBOX_STATES, type OutboxCounts } from "./record";
import { DAY_MS } from "./retention";
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

function summarizeBatch(key: number, value: unknown): BatchSummary {
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

  has(key: number): boolean {
    return this.byKey.has(key);
  }

  /**
   * Takes in a read of the store: its keys, and the values of those not summarized yet. Forgets the
   * keys gone (deleted here, or by another tab). Yields to the page between values once a task has
   * run for TASK_BUDGET_MS: the first pass of a page that holds a month of answers decoded thousands
   * of records, a second of a slow tablet's only thread in one go (bench/RESULTS.md, status after a
   * sync pass). A budget in time, not in values: a fixed five values a task still made a 62 ms task
   * on a slow tablet, and would make shorter tasks than needed on a fast one.
   */
  async update(sentKeys: readonly number[], unread: ReadonlyMap<number, unknown>): Promise<void> {
    const present = new Set(sentKeys);
    for (const key of this.byKey.keys()) if (!present.has(key)) this.byKey.delete(key);
    let taskStart = performance.now();
    let done = 0;
    for (const [key, value] of unread) {
      this.byKey.set(key, summarizeBatch(key, value));
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

  /** Those of `keys` whose value holds a sound sent record at least `days` old at `now`. */
  mayHoldExpired(keys: readonly number[], now: number, days: number): number[] {
    return keys.filter((key) => {
      const summary = this.byKey.get(key);
      return summary !== undefined && now - summary.earliestSentAt >= days * DAY_MS;
    });
  }
}

/** Half of a long task's 50 ms: the value that passes it, and what else the task runs, fit beside it. */
const TASK_BUDGET_MS = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
