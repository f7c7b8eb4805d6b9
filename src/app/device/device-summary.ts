import { getOutbox } from "./outbox";
import { syncNow } from "./sync";

/** "On this device N · sent N · confirmed by the collector N", and how many could be re-sent. */
export interface DeviceSummary {
  total: number;
  sent: number;
  confirmed: number;
  unconfirmed: number;
  /** How long sent responses stay on the device. */
  retentionDays: number;
}

export async function deviceSummary(): Promise<DeviceSummary> {
  const outbox = await getOutbox();
  const [records, retentionDays] = await Promise.all([outbox.list(), outbox.getRetentionDays()]);
  const sent = records.filter((r) => r.state === "sent");
  const confirmed = sent.filter((r) => r.confirmedAt !== undefined).length;
  return {
    total: records.length,
    sent: sent.length,
    confirmed,
    unconfirmed: sent.length - confirmed,
    retentionDays,
  };
}

/** Puts the unconfirmed sent responses back in the queue and starts a sync; gives how many. */
export async function resendUnconfirmed(): Promise<number> {
  const [outbox, { requeueUnconfirmed }] = await Promise.all([getOutbox(), import("../../sync/receipts")]);
  const requeued = await requeueUnconfirmed(outbox);
  if (requeued.length > 0) void syncNow();
  return requeued.length;
}
