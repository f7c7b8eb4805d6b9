import "../domain/zod-config";
import { z } from "zod/mini";

export const MAX_RECEIPT_IDS = 1000;

export const ReceiptsBody = z.object({
  ids: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(MAX_RECEIPT_IDS)),
});
export const ReceiptsResult = z.object({ stored: z.array(z.string()) });
export type ReceiptsResult = z.infer<typeof ReceiptsResult>;
