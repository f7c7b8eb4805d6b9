import type { OutboxRecord } from "./record";

/**
 * How long a sent response stays on the device: long enough to re-send it if the collector loses
 * it, and for staff to check a day's work against the collector; short enough that a shared tablet
 * does not hold residents' answers for ever. Only "sent" ever expires: pending, rejected and
 * conflict records wait for a person however old they are.
 */
export const RETENTION_DAYS_KEY = "outbox.retentionDays";
export const DEFAULT_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;
export const DAY_MS = 86_400_000;

export class RetentionError extends Error {
  override name = "RetentionError";
}

/** A stored setting that is not a whole number of days in range falls back to the default. */
export function readRetentionDays(stored: unknown): number {
  return isRetentionDays(stored) ? stored : DEFAULT_RETENTION_DAYS;
}

export function checkRetentionDays(days: unknown): number {
  if (!isRetentionDays(days))
    throw new RetentionError(`retention must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}`);
  return days;
}

function isRetentionDays(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RETENTION_DAYS;
}

/** When the record was sent, if it is one that can expire: a sound sent record. Anything else is kept. */
export function expiringSentAt(record: OutboxRecord): number | undefined {
  return !record.corrupt && record.state === "sent" ? record.sentAt : undefined;
}

/** True once a record sent at `sentAt` has been kept `retentionDays` at `now`. */
export function hasExpired(sentAt: number, now: number, retentionDays: number): boolean {
  return now - sentAt >= retentionDays * DAY_MS;
}
