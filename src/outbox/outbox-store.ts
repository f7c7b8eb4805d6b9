import type { ItemResult } from "../contract/responses";
import { canonicalJson } from "../domain/canonical-json";
import { describeProblems, problemsOf } from "../domain/issues";
import { Response } from "../domain/response";
import type { OutboxDb, StoredRecord } from "./outbox-db";
import { decodeRecord, type OutboxCounts, type OutboxRecord } from "./record";
import { hasExpired, RETENTION_DAYS_KEY, readRetentionDays } from "./retention";
import { SentSummaries } from "./sent-summaries";
import { applyItemResult } from "./transitions";

export class OutboxValidationError extends Error {
  override name = "OutboxValidationError";
}

/** The same id was queued before with other content: the first one is kept, this one is not stored. */
export class OutboxConflictError extends Error {
  override name = "OutboxConflictError";
}

/** Adds meaning to the raw database: checks on the way in and out, and the state rules. */
export class OutboxStore {
  /** What this outbox has read of the sent store's values, which never change under a key. */
  private readonly summaries = new SentSummaries();

  constructor(
    private readonly db: OutboxDb,
    private readonly clock: () => number,
  ) {}

  async enqueue(input: Response, dropDraftOf?: string): Promise<void> {
    const parsed = Response.safeParse(input);
    if (!parsed.success) throw new OutboxValidationError(describeProblems(problemsOf(parsed.error)));
    const response = parsed.data;
    let clash = false;
    await this.db.modify(
      [response.id],
      (id, stored) => {
        if (stored === undefined)
          return { id, response, state: "pending", queuedAt: this.clock(), attempts: 0 };
        // Queuing again (a double tap, a retried submit) must not reset or downgrade what is there.
        const existing = decodeRecord(id, stored);
        clash = existing.corrupt === true || canonicalJson(existing.response) !== canonicalJson(response);
        return undefined;
      },
      { dropDraftOf },
    );
    if (clash) throw new OutboxConflictError(`response ${response.id} is already queued with other content`);
  }

  takePending(limit: number, after?: { queuedAt: number; id: string }): Promise<OutboxRecord[]> {
    return this.db.pending(
      limit,
      (id, stored) => {
        const record = decodeRecord(id, stored);
        return record.state === "pending" ? record : undefined;
      },
      after,
    );
  }

  /**
   * A batch's results, written back. Not waiting for the disk ("relaxed"): a power cut that loses
   * this write leaves the records pending, and sending them again is answered "duplicate" (the
   * collector keys on the id and compares content), so nothing is lost or stored twice; waiting made
   * each batch's fsync compete with the collector's own (bench/RESULTS.md, drain).
   *
   * `taken`, the records as takePending gave them to be sent: one still pending is written from that
   * copy, not read again. Only a sync pass changes a pending record, and one pass runs at a time
   * (the sync lock), so a record still pending is the one taken; any other is read, and a sent one
   * stays sent.
   */
  async applyResults(
    results: readonly ItemResult[],
    now: number,
    taken: readonly OutboxRecord[] = [],
  ): Promise<void> {
    const byId = new Map<string, ItemResult>();
    for (const result of results) byId.set(result.id, result);
    const copies = new Map(
      taken.filter((r) => byId.has(r.id) && r.state === "pending").map((r) => [r.id, r]),
    );
    const apply = (record: OutboxRecord) => applyItemResult(record, byId.get(record.id) as ItemResult, now);
    await this.db.modify(
      [...byId.keys()],
      (id, stored): StoredRecord | undefined => {
        if (stored === undefined) return undefined;
        const record = decodeRecord(id, stored);
        // A corrupt record was never sent; its stored value is kept as it is for repair.
        if (record.corrupt) return undefined;
        return apply(record);
      },
      {
        durability: "relaxed",
        taken: {
          state: "pending",
          records: copies,
          write: apply,
        },
      },
    );
  }

  /**
   * Deletes sent records past the retention period; gives their ids. Nothing else ever expires. Of
   * the sent store, reads the values it has not summarized yet, and writes only where a value's
   * earliest send has run out: most passes open no durable write at all.
   */
  async purgeExpired(now: number): Promise<string[]> {
    const days = readRetentionDays(await this.db.getSetting(RETENTION_DAYS_KEY));
    const { legacy, sentKeys, unread } = await this.db.sentLook((key) => this.summaries.has(key));
    await this.summaries.update(sentKeys, unread);
    const candidates = this.summaries.mayHoldExpired(sentKeys, now, days);
    if (legacy === 0 && candidates.length === 0) return [];
    return this.db.deleteSentWhere(
      (id, stored) => hasExpired(decodeRecord(id, stored), now, days),
      candidates,
    );
  }

  /**
   * What the collector said through POST /receipts: `stored` ids get confirmedAt, `missing` ones
   * lose it (a collector restored from an old backup no longer holds them). Only sent records change.
   */
  async recordReceipts(stored: readonly string[], missing: readonly string[], now: number): Promise<void> {
    const held = new Set(stored);
    await this.db.modify([...stored, ...missing], (id, value) => {
      if (value === undefined) return undefined;
      const record = decodeRecord(id, value);
      if (record.corrupt || record.state !== "sent") return undefined;
      const { corrupt: _corrupt, confirmedAt: _confirmedAt, ...rest } = record;
      return held.has(id) ? { ...rest, confirmedAt: now } : rest;
    });
  }

  /**
   * Puts sent records back in the queue, on staff's request, when the collector does not confirm
   * them. Safe because the collector dedupes by id: a resend of one it holds comes back "duplicate".
   * Gives the ids actually re-queued (pending, rejected, conflict and corrupt ones are left alone).
   */
  async requeue(ids: readonly string[]): Promise<string[]> {
    const requeued: string[] = [];
    await this.db.modify(ids, (id, stored) => {
      if (stored === undefined) return undefined;
      const record = decodeRecord(id, stored);
      if (record.corrupt || record.state !== "sent") return undefined;
      const { corrupt: _c, sentAt: _s, confirmedAt: _k, reason: _r, reasonCode: _rc, ...rest } = record;
      requeued.push(id);
      return { ...rest, state: "pending" };
    });
    return requeued;
  }

  /**
   * "Keep as a new response": a response the collector answered `conflict` for (it holds the id with
   * other answers) is queued again, its answers unchanged, under `newId`, and the old record goes in
   * the same transaction. Asked for by a person on the device, never done by the sync. Gives false
   * when the record is not in conflict (already kept, sent, or corrupt).
   */
  async keepAsNew(id: string, newId: string): Promise<boolean> {
    return this.db.replaceQueued(id, (stored) => {
      if (stored === undefined) return undefined;
      const record = decodeRecord(id, stored);
      if (record.corrupt || record.state !== "conflict") return undefined;
      const parsed = Response.safeParse({ ...record.response, id: newId });
      if (!parsed.success) throw new OutboxValidationError(describeProblems(problemsOf(parsed.error)));
      return { id: newId, response: parsed.data, state: "pending", queuedAt: this.clock(), attempts: 0 };
    });
  }

  async records(): Promise<OutboxRecord[]> {
    const rows = await this.db.all();
    return rows
      .map(({ id, stored }) => decodeRecord(id, stored))
      .sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The records by state, as records() would list them; of the sent store, reads only values new to it. */
  async counts(): Promise<OutboxCounts> {
    const { queued, sentKeys, unread } = await this.db.countsSnapshot((key) => this.summaries.has(key));
    await this.summaries.update(sentKeys, unread);
    const counts = this.summaries.countsOf(sentKeys);
    for (const { id, stored } of queued) counts[decodeRecord(id, stored).state]++;
    return counts;
  }
}
