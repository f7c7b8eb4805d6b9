import "../domain/zod-config";
import { z } from "zod";
import { ItemResult } from "./responses";

/** A device backup posted to /imports: a tablet's whole day, far more than one sync batch. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What an import did: a count per status, then one result per item of the file, in order. */
export const ImportSummary = z.object({
  accepted: z.number().int(),
  duplicate: z.number().int(),
  conflict: z.number().int(),
  rejected: z.number().int(),
  results: z.array(ItemResult),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
