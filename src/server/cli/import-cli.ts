import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { BackupError, type BackupFile, readBackup } from "../../contract/backup";
import type { ImportSummary } from "../../contract/imports";
import { importItems } from "../imports/import-backup";
import { openPublishedSurveys } from "../published-surveys";
import { openStorage } from "../storage/open";
import { readConfig } from "./config";

/**
 * `npm run import -- FILE`: a device backup into the configured database (DATA_DIR or DATABASE_URL,
 * as the collector), through the same checks and dedupe as POST /api/v1/imports. The file is
 * checked whole before the database is even opened, so a bad file changes nothing.
 * Exit 0: imported (items the checks refused are listed); 1: nothing imported; 2: usage.
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || !args[0] || args[0].startsWith("-")) {
    console.error("usage: npm run import -- FILE   (a Tsunagu device-backup file)");
    return 2;
  }
  // npm runs scripts in the package folder; a relative path means the folder the user typed it in.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
  let file: BackupFile;
  try {
    file = await readBackup(readFileSync(path, "utf8"));
  } catch (error) {
    const why = error instanceof BackupError ? error.message : `cannot read it: ${(error as Error).message}`;
    console.error(`${path}: ${why}\nnothing was imported`);
    return 1;
  }

  const config = readConfig(process.env);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const storage = openStorage(config);
  try {
    await storage.migrate();
    // Every version the collector published, as the collector itself would judge them.
    const { surveys } = await openPublishedSurveys(storage, config.surveyDirs);
    const summary = await importItems(file, { storage, surveys });
    const where = storage.kind === "sqlite" ? `SQLite in ${config.dataDir}` : "PostgreSQL";
    console.log(describe(path, file, summary, where));
    return 0;
  } finally {
    await storage.close();
  }
}

function describe(path: string, file: BackupFile, s: ImportSummary, where: string): string {
  const lines = [
    `${path}: ${file.items.length} responses from ${file.deviceId ?? "a device"}, written ${file.createdAt}, into ${where}`,
    `accepted ${s.accepted} · duplicate ${s.duplicate} · conflict ${s.conflict} · rejected ${s.rejected}`,
  ];
  for (const r of s.results)
    if (r.status === "conflict" || r.status === "rejected")
      lines.push(`  ${r.status} ${r.id}: ${r.error ?? ""}`);
  return lines.join("\n");
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`the import failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error("responses already stored stay stored; importing the file again is safe");
    process.exit(1);
  },
);
