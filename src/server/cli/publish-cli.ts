import { mkdirSync } from "node:fs";
import { openPublishedSurveys } from "../published-surveys";
import { openStorage } from "../storage/open";
import { prepareVersion, publishPrepared } from "../versions/publish";
import { formatProblem } from "../workbook/problems";
import { readConfig } from "./config";
import type { Output } from "./output";

/**
 * `npm run survey -- publish FILE.xlsx`: the same checks and the same storage call as
 * POST /api/v1/surveys/:id/versions, into the configured database (DATA_DIR or DATABASE_URL): the
 * next version of the survey its id names, or a new survey. 0 published; 1 refused, nothing stored.
 */
export async function publishCli(
  path: string,
  bytes: Uint8Array,
  io: Output,
  env = process.env,
): Promise<number> {
  const config = readConfig(env);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const storage = openStorage(config);
  try {
    await storage.migrate();
    // As the collector starts: the shipped surveys are stored first, so version 2 follows version 1.
    const { surveys } = await openPublishedSurveys(storage, config.surveyDirs);
    const preparation = await prepareVersion(bytes, { kind: "either" }, storage, new Date());
    if (!preparation.ok) {
      const { refusal } = preparation;
      if (refusal.code === "invalid_workbook")
        for (const problem of refusal.problems) io.err(`${path} ${formatProblem(problem)}`);
      io.err(`${path}: ${refusal.message}; nothing was published`);
      return 1;
    }
    const { prepared } = preparation;
    for (const warning of prepared.warnings) io.err(`${path} ${formatProblem(warning)} (warning)`);
    const { id, version } = prepared.definition;
    if (!(await publishPrepared(prepared, storage, surveys, null))) {
      io.err(`${path}: survey "${id}" version ${version} was published meanwhile; nothing was changed`);
      return 1;
    }
    const where = storage.kind === "sqlite" ? `SQLite in ${config.dataDir}` : "PostgreSQL";
    io.out(
      `${id} version ${version} published into ${where}, ${prepared.changes.length} change(s) from the version before`,
    );
    for (const change of prepared.changes) io.out(`  ${describeChange(change)}`);
    return 0;
  } finally {
    await storage.close();
  }
}

/** "question_added q_new": a change's kind and what it is about, for the terminal. */
function describeChange(change: { kind: string } & Record<string, unknown>): string {
  const about = change.questionId ?? change.indicatorId ?? change.locale ?? "";
  return `${change.kind} ${String(about)}`.trim();
}
