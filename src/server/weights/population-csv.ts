import type { SurveyDefinition } from "../../domain/definition";
import type { Problem } from "../../domain/issues";
import { cellKey } from "../tallies/fold";
import { CsvSyntaxError, csvRecords } from "./csv-records";

export const POPULATION_COLUMN = "population";
export const MAX_POPULATION_CSV_BYTES = 256 * 1024;
const MAX_DIMENSIONS = 3;
const MAX_PROBLEMS = 20;

export class PopulationCsvError extends Error {
  override name = "PopulationCsvError";
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

const at = (line: number, column?: number) => (column ? `line ${line}, column ${column}` : `line ${line}`);

/**
 * Population totals from the resident register, as CSV:
 *
 *     q_age,q_area,population
 *     age_18_29,area_01,"12,345"
 *
 * The header names the survey's single-choice questions the cells are made of (its age group, and
 * its area, say) and a `population` column; each row is one cell, by option id,
 * and its number of residents. Every problem is reported with its line and column, and nothing is
 * kept unless the whole file is right.
 */
export function readPopulationCsv(
  text: string,
  def: SurveyDefinition,
): { dimensions: string[]; cells: Map<string, number> } {
  let records: ReturnType<typeof csvRecords>;
  try {
    records = csvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ""));
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw new PopulationCsvError(`not readable as CSV at line ${e.line}: ${e.message}`, [
        { path: at(e.line), message: e.message },
      ]);
    throw e;
  }
  const problems: Problem[] = [];
  const fail = (path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };
  const header = records[0];
  if (!header) throw new PopulationCsvError("the file is empty", [{ path: "line 1", message: "no header" }]);

  const names = header.fields.map((f) => f.trim());
  const populationAt = names.indexOf(POPULATION_COLUMN);
  if (populationAt < 0)
    fail(at(header.line), `the header needs a "${POPULATION_COLUMN}" column (it has ${names.join(", ")})`);
  const dimensions: { index: number; id: string; options: Set<string> }[] = [];
  for (const [index, name] of names.entries()) {
    if (index === populationAt) continue;
    const where = at(header.line, index + 1);
    const q = def.questions.find((question) => question.id === name);
    if (names.indexOf(name) !== index) fail(where, `"${name}" is a second column of that name`);
    else if (q?.kind === "single")
      dimensions.push({ index, id: name, options: new Set(q.options.map((o) => o.id)) });
    else
      fail(
        where,
        q
          ? `"${name}" is a ${q.kind} question; cells are made of single-choice questions`
          : `"${name}" is not a question of "${def.id}"`,
      );
  }
  if (dimensions.length === 0 && problems.length === 0)
    fail(at(header.line), "the header names no question (such as the age group) to make cells of");
  if (dimensions.length > MAX_DIMENSIONS)
    fail(at(header.line), `at most ${MAX_DIMENSIONS} questions make a cell, not ${dimensions.length}`);
  if (problems.length > 0)
    throw new PopulationCsvError(`the header is wrong: ${problems[0]?.message}`, problems);

  const cells = new Map<string, number>();
  const lineOf = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      fail(at(record.line), `${record.fields.length} fields where the header has ${names.length}`);
      continue;
    }
    const keyParts: string[] = [];
    let ok = true;
    for (const d of dimensions) {
      const value = (record.fields[d.index] ?? "").trim();
      if (!d.options.has(value)) {
        fail(
          at(record.line, d.index + 1),
          `"${value}" is not an option of ${d.id} (${[...d.options].join(", ")})`,
        );
        ok = false;
      }
      keyParts.push(value);
    }
    const raw = (record.fields[populationAt] ?? "").trim();
    const population = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(raw)
      ? Number(raw.replaceAll(",", ""))
      : Number.NaN;
    if (!Number.isSafeInteger(population) || population > 1e9) {
      fail(at(record.line, populationAt + 1), `"${raw}" is not a number of residents (a whole number ≥ 0)`);
      ok = false;
    }
    if (!ok) continue;
    const key = cellKey(keyParts);
    const earlier = lineOf.get(key);
    if (earlier !== undefined) {
      fail(at(record.line), `the cell ${keyParts.join(" × ")} is already on line ${earlier}`);
      continue;
    }
    lineOf.set(key, record.line);
    cells.set(key, population);
  }
  if (problems.length === 0 && cells.size === 0) fail(at(header.line + 1), "no cells below the header");
  if (problems.length === 0 && [...cells.values()].every((p) => p === 0))
    fail(at(header.line + 1), "every cell has a population of 0");
  if (problems.length > 0)
    throw new PopulationCsvError(
      `${problems.length} problem(s), first at ${problems[0]?.path}: ${problems[0]?.message}`,
      problems,
    );
  return { dimensions: dimensions.map((d) => d.id), cells };
}
