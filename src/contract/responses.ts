import "../domain/zod-config";
import { z } from "zod/mini";

/**
 * The bodies of HTTP contract v1 (DESIGN.md): one schema each, used by the sync engine to read the
 * collector's answers and by the collector to write them, so the two cannot drift apart.
 */
export const MAX_BATCH_ITEMS = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
/** Items stay `unknown` here: each is checked on its own so one bad item never sinks the batch. */
export const ResponsesBody = z.object({
  responses: z.array(z.unknown()).check(z.maxLength(MAX_BATCH_ITEMS)),
});

export const ItemStatus = z.enum(["accepted", "duplicate", "conflict", "rejected"]);
export type ItemStatus = z.infer<typeof ItemStatus>;

/**
 * One item's fate. A rejected or conflicting one says why twice: `code` (ITEM_ERROR_CODES), which
 * the app words in its reader's language, and `error`, the collector's English with the specifics
 * (which field, which value), kept for clients that predate `code`. A code this app does not know
 * yet (a newer collector's) is still read, and the English shown.
 */
export const ItemResult = z.object({
  id: z.string(),
  status: ItemStatus,
  error: z.optional(z.string()),
  code: z.optional(z.string()),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const ResponsesResult = z.object({ results: z.array(ItemResult) });
export type ResponsesResult = z.infer<typeof ResponsesResult>;
