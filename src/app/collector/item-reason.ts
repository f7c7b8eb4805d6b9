import { type ItemErrorCode, isItemErrorCode } from "../../contract/problem-codes";
import { t } from "../../i18n";

/**
 * Codes whose English `error` names what a reader needs to fix it (which field, which option): that
 * English follows the sentence in the reader's language. The others' English adds nothing to it.
 */
const WITH_DETAIL: ReadonlySet<ItemErrorCode> = new Set(["invalid_response", "invalid_answers"]);

/** A refused item as the collector or the outbox keeps it. */
export interface RefusedItem {
  status: "rejected" | "conflict";
  /** The collector's code (ITEM_ERROR_CODES), absent from an older collector's answer. */
  code?: string | undefined;
  /** The collector's English, the fallback and the detail. */
  error?: string | undefined;
  /** The device's own record was unreadable (outbox decodeRecord), not a collector's refusal. */
  corrupt?: boolean | undefined;
}

/**
 * Why the collector refused an item, in the reader's language: by its stable code where the app
 * knows it, with the English specifics after it where they matter; where the code is unknown (a
 * newer collector) or absent (an older one), a sentence for the status with the English after it,
 * so that nothing the collector said is lost.
 */
export function itemReason(item: RefusedItem): string {
  const withDetail = (reason: string, detail: string | undefined) =>
    detail ? t("itemReason.withDetail", { reason, detail }) : reason;
  if (item.corrupt) return withDetail(t("itemReason.corrupt"), item.error);
  if (isItemErrorCode(item.code)) {
    const reason = t(`itemReason.${item.code}`);
    return WITH_DETAIL.has(item.code) ? withDetail(reason, item.error) : reason;
  }
  return withDetail(t(`itemReason.${item.status}`), item.error);
}

/** The same for an outbox record: its state, the collector's code and English, or its corruption. */
export function recordReason(record: {
  state: string;
  reason?: string | undefined;
  reasonCode?: string | undefined;
  corrupt?: boolean | undefined;
}): string {
  return itemReason({
    status: record.state === "conflict" ? "conflict" : "rejected",
    code: record.reasonCode,
    // A corrupt record's reason is CORRUPT_REASON (src/outbox/record.ts), then what: the sentence says the first.
    error: record.corrupt ? record.reason?.replace(/^corrupt record: /, "") : record.reason,
    corrupt: record.corrupt,
  });
}
