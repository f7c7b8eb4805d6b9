import "../domain/zod-config";
import { z } from "zod/mini";
import { ItemResult } from "./responses";

/** A device backup posted to /imports: a tablet's whole day, far more than one sync batch. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What an import did: a count per status, then one result per item of the file, in order. */
export const ImportSummary = z.object({
  accepted: z.number().check(z.int()),
  duplicate: z.number().check(z.int()),
  conflict: z.number().check(z.int()),
  rejected: z.number().check(z.int()),
  results: z.array(ItemResult),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
