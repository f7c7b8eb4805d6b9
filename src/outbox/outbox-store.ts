import type { ItemResult } from "../contract/responses";
import { canonicalJson } from "../domain/canonical-json";
import { Response } from "../domain/response";
import type { OutboxDb } from "./db/outbox-db";
import type { QueuePosition } from "./db/pending-page";
import { Draft, decodeDraft } from "./draft";
import { checked, OutboxConflictError } from "./errors";
import { decodeRecord, type OutboxCounts, type OutboxRecord } from "./record";
import { checkRetentionDays, RETENTION_DAYS_KEY, readRetentionDays } from "./retention";
import { SentSummaries } from "./sent-summaries";
import { applyItemResult, keptAsNew, queued, receipted, requeued } from "./transitions";

/**
 * Adds meaning to the raw database (./db/outbox-db.ts): checks on the way in, decoding on the way
 * out, and every change of a record through ./transitions.ts.
 */
export class OutboxStore {
  /** What this outbox has read of the sent store's values, which never change under a key. */
  private readonly summaries = new SentSummaries();

  constructor(
    private readonly db: OutboxDb,
    private readonly clock: () => number,
  ) {}

  /** Queuing again (a double tap, a retried submit) must not reset or downgrade what is there. */
  async enqueue(input: Response, dropDraftOf?: string): Promise<void> {
    const response = checked(Response, input);
    const held = await this.db.add(queued(response, this.clock()), dropDraftOf);
    if (held === undefined) return;
    const existing = decodeRecord(response.id, held);
    if (existing.corrupt || canonicalJson(existing.response) !== canonicalJson(response))
      throw new OutboxConflictError(`response ${response.id} is already queued with other content`);
  }

  /** Pending records, oldest first; a page of corrupt ones is read past, not taken for the end. */
  async takePending(limit: number, after?: QueuePosition): Promise<OutboxRecord[]> {
    const taken: OutboxRecord[] = [];
    for (let from = after; taken.length < limit; ) {
      const page = await this.db.pending(limit - taken.length, from);
      for (const { id, stored } of page.entries) {
        const record = decodeRecord(id, stored);
        if (record.state === "pending") taken.push(record);
      }
      if (!page.next) break;
      from = page.next;
    }
    return taken;
  }

  /**
   * A batch's results, written back. Not waiting for the disk ("relaxed"): a power cut that loses
   * this write leaves the records pending, and sending them again is answered "duplicate" (the
   * collector keys on the id and compares content), so nothing is lost or stored twice; waiting made
   * each batch's fsync compete with the collector's own (bench/RESULTS.md, drain).
   *
   * `taken`, the records as takePending gave them to be sent: one still pending is written from that
   * copy, not read and decoded again. Only a sync pass changes a pending record, and one pass runs
   * at a time (the sync lock), so a record still pending is the one taken; any other is read, and a
   * sent one stays sent.
   */
  async applyResults(results: readonly ItemResult[], now: number, taken: readonly OutboxRecord[] = []) {
    const byId = new Map(results.map((result) => [result.id, result]));
    const copies = new Map(
      taken.filter((r) => byId.has(r.id) && r.state === "pending").map((r) => [r.id, r]),
    );
    await this.db.update(
      [...byId.keys()],
      (id, stored) => {
        const copy = copies.get(id);
        const record = copy !== undefined && copy === stored ? copy : decodeRecord(id, stored);
        return applyItemResult(record, byId.get(id) as ItemResult, now);
      },
      { durability: "relaxed", listed: { state: "pending", records: copies } },
    );
  }

  /**
   * What the collector said through POST /receipts: `stored` ids get confirmedAt, `missing` ones
   * lose it (a collector restored from an old backup no longer holds them). Only sent records change.
   */
  async recordReceipts(stored: readonly string[], missing: readonly string[], now: number): Promise<void> {
    const held = new Set(stored);
    await this.db.update([...stored, ...missing], (id, value) =>
      receipted(decodeRecord(id, value), held.has(id), now),
    );
  }

  /** Puts sent records back in the queue; gives the ids re-queued (any other record is left alone). */
  requeue(ids: readonly string[]): Promise<string[]> {
    return this.db.update(ids, (id, stored) => requeued(decodeRecord(id, stored)));
  }

  /**
   * A response in conflict queued again under `newId`, the old record going in the same transaction.
   * Asked for by a person on the device, never done by the sync. False when the record is not in
   * conflict (already kept, sent, or corrupt).
   */
  async keepAsNew(id: string, newId: string): Promise<boolean> {
    const next = keptAsNew(decodeRecord(id, await this.db.getQueued(id)), newId, this.clock());
    return next !== undefined && this.db.replace(id, "conflict", next);
  }

  /** Every record, oldest first (queuedAt, then id). */
  async records(): Promise<OutboxRecord[]> {
    const rows = await this.db.all();
    return rows
      .map(({ id, stored }) => decodeRecord(id, stored))
      .sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The records by state, as records() would list them; of the sent store, reads only values new to it. */
  async counts(): Promise<OutboxCounts> {
    const { queued: entries, sent } = await this.db.countsSnapshot(this.summaries);
    await this.summaries.update(sent.keys, sent.unread);
    const counts = this.summaries.countsOf(sent.keys);
    for (const { id, stored } of entries) counts[decodeRecord(id, stored).state]++;
    return counts;
  }

  /**
   * Deletes sent records past the retention period; gives their ids. Nothing else ever expires.
   * Decides from the summaries, reading only the sent-store values not summarized yet, and opens a
   * durable write only when a record has run out: most passes write nothing.
   */
  async purgeExpired(now: number): Promise<string[]> {
    const days = await this.retentionDays();
    const sent = await this.db.sentSnapshot(this.summaries);
    await this.summaries.update(sent.keys, sent.unread);
    const cuts = this.summaries.expired(sent.keys, now, days);
    return cuts.size === 0 ? [] : this.db.removeSent(cuts);
  }

  async retentionDays(): Promise<number> {
    return readRetentionDays(await this.db.getSetting(RETENTION_DAYS_KEY));
  }

  async setRetentionDays(days: number): Promise<void> {
    await this.db.setSetting(RETENTION_DAYS_KEY, checkRetentionDays(days));
  }

  /** The draft of a survey, or undefined when there is none or it is damaged. */
  async draft(surveyId: string): Promise<Draft | undefined> {
    return decodeDraft(await this.db.getDraft(surveyId));
  }

  async putDraft(draft: Draft): Promise<void> {
    await this.db.putDraft(checked(Draft, draft));
  }
}
