import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SurveyDefinition } from "../../domain/definition";
import { formatProblem } from "../workbook/problems";
import { readWorkbook } from "../workbook/read-workbook";
import { writeWorkbook } from "../workbook/write-workbook";
import { WORKBOOK_LIMITS } from "../workbook/zip-guard";
import type { Output } from "./output";
import { publishCli } from "./publish-cli";

const USAGE = [
  "usage: npm run survey -- check FILE.xlsx              every problem of a survey workbook, or its summary",
  "       npm run survey -- publish FILE.xlsx            check it and publish it as the next version (DATA_DIR / DATABASE_URL)",
  "       npm run survey -- export SURVEY.json OUT.xlsx  a definition as its workbook (the template; SURVEY.template-notes.txt, if there, as its notes sheet)",
].join("\n");

export type { Output } from "./output";

/**
 * `npm run survey -- check|export …` (docs/workbook.md). check: exit 0 with the definition's summary,
 * 1 with every problem as sheet!cell; export: 0 written, 1 the definition file is refused; publish
 * (publish-cli.ts): 0 published, 1 refused with nothing stored. 2: usage.
 */
export function surveyCli(
  args: string[],
  io: Output,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): number | Promise<number> {
  const [command, ...rest] = args;
  // npm runs scripts in the package folder; a relative path means the folder the user typed it in.
  const paths = rest.map((p) => resolve(cwd, p));
  if (command === "check" && paths.length === 1 && paths[0]) return check(paths[0], io);
  if (command === "publish" && paths.length === 1 && paths[0]) {
    const bytes = readWorkbookFile(paths[0], io);
    return bytes ? publishCli(paths[0], bytes, io) : 1;
  }
  if (command === "export" && paths.length === 2 && paths[0] && paths[1])
    return exportTemplate(paths[0], paths[1], io);
  io.err(USAGE);
  return 2;
}

/** The file's bytes, or undefined with the reason said. */
function readWorkbookFile(path: string, io: Output): Buffer | undefined {
  try {
    // Not even read whole when it is too big to be a workbook.
    if (statSync(path).size > WORKBOOK_LIMITS.maxBytes) return Buffer.alloc(WORKBOOK_LIMITS.maxBytes + 1);
    return readFileSync(path);
  } catch (error) {
    io.err(`${path}: cannot read it: ${(error as Error).message}`);
    return undefined;
  }
}

function check(path: string, io: Output): number {
  const bytes = readWorkbookFile(path, io);
  if (!bytes) return 1;
  const reading = readWorkbook(bytes);
  if (!reading.ok) {
    for (const problem of reading.problems) io.err(`${path} ${formatProblem(problem)}`);
    io.err(
      `${reading.problems.length} problem${reading.problems.length === 1 ? "" : "s"}: nothing can be published`,
    );
    return 1;
  }
  for (const warning of reading.warnings) io.err(`${path} ${formatProblem(warning)} (warning)`);
  io.out(summary(path, reading.definition));
  return 0;
}

function summary(path: string, def: SurveyDefinition): string {
  const kinds = new Map<string, number>();
  for (const q of def.questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  const period = def.opens || def.closes ? `, open ${def.opens ?? "…"} to ${def.closes ?? "…"}` : "";
  return [
    `${path}: no problems`,
    `${def.id} version ${def.version}: ${def.title.ja}`,
    `languages ${def.locales.join(" ")}${period}, minimum cell ${def.minCell}`,
    `${def.questions.length} questions (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ")})`,
    `${def.indicators.length} indicators: ${def.indicators
      .map((i) => (i.target ? `${i.id} ${i.target.op} ${i.target.value}%` : i.id))
      .join(", ")}`,
  ].join("\n");
}

function exportTemplate(from: string, to: string, io: Output): number {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(from, "utf8"));
  } catch (error) {
    io.err(`${from}: cannot read it as JSON: ${(error as Error).message}`);
    return 1;
  }
  const parsed = SurveyDefinition.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.err(`${from}: ${issue.path.join(".")}: ${issue.message}`);
    io.err("not a survey definition: nothing was written");
    return 1;
  }
  // The admin's notes on the template (values that stand in for the ward's own), kept beside the
  // definition: SURVEY.template-notes.txt, one line a row of the notes sheet.
  const notesFile = from.replace(/\.json$/, ".template-notes.txt");
  const notes = existsSync(notesFile)
    ? readFileSync(notesFile, "utf8")
        .split(/\r?\n/)
        .filter((line) => line.trim() !== "")
    : [];
  writeFileSync(to, writeWorkbook(parsed.data, notes));
  io.out(`${to}: ${parsed.data.id} version ${parsed.data.version} as a workbook`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  Promise.resolve(
    surveyCli(process.argv.slice(2), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    }),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`survey: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
