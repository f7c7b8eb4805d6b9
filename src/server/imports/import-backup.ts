import { type BackupFile, readBackup } from "../../contract/backup";
import type { ImportSummary } from "../../contract/imports";
import type { ItemResult } from "../../contract/responses";
import { ingestBatch } from "../responses/ingest";
import { chunks } from "../storage/chunks";
import type { ResponseStorage } from "../storage/response-storage";
import type { SurveyRegistry } from "../surveys";

export interface ImportDeps {
  storage: Pick<ResponseStorage, "insertResponses">;
  surveys: SurveyRegistry;
  now?: () => Date;
}

/** One sync batch's worth: each chunk is one transaction, as long as a device's batch would hold. */
export const IMPORT_CHUNK_ITEMS = 500;

/**
 * Imports a device backup through the sync path. The whole file is read and checked (format,
 * version, schema, checksum) before anything is stored, so a damaged or foreign file throws
 * BackupError and stores nothing. Each item then gets the same checks and dedupe as a synced one;
 * importing the same file again answers duplicate for everything.
 */
export async function importBackup(text: string, deps: ImportDeps): Promise<ImportSummary> {
  return await importItems(await readBackup(text), deps);
}

/** A file readBackup already checked: each item through the sync path, a chunk a transaction. */
export async function importItems(file: BackupFile, deps: ImportDeps): Promise<ImportSummary> {
  const results: ItemResult[] = [];
  for (const part of chunks(file.items, IMPORT_CHUNK_ITEMS))
    results.push(
      ...(await ingestBatch(
        part.map((item) => item.response),
        deps,
        { staffImport: true },
      )),
    );
  return summarize(results);
}

function summarize(results: ItemResult[]): ImportSummary {
  const summary: ImportSummary = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0, results };
  for (const { status } of results) summary[status]++;
  return summary;
}
