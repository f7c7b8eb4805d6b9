import type { ReceiptsReport } from "../../sync/receipts";
import { getOutbox } from "../device/outbox";

/** Asks the collector which sent responses it holds; throws ReceiptsError when it cannot be asked. */
export async function checkWithCollector(): Promise<ReceiptsReport> {
  const [outbox, { checkReceipts }] = await Promise.all([getOutbox(), import("../../sync/receipts")]);
  return checkReceipts(outbox);
}
