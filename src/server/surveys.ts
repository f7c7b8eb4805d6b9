import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SurveySummary } from "../contract/surveys";
import { SurveyDefinition } from "../domain/definition";
import { describeProblems, problemsOf } from "../domain/issues";

/** Every survey definition the collector knows, all versions: responses to any of them are accepted. */
export interface SurveyRegistry {
  /** The newest version of each survey. */
  latest(): SurveyDefinition[];
  latestOf(id: string): SurveyDefinition | undefined;
  get(id: string, version: number): SurveyDefinition | undefined;
  /** Every version of one survey, newest first. */
  versionsOf(id: string): SurveyDefinition[];
  summaries(): SurveySummary[];
  /**
   * Adds a version published (or read from storage) since the registry was made. The same version
   * again with the same content changes nothing; with other content it throws: a published version
   * never changes.
   */
  add(def: SurveyDefinition): void;
  /**
   * Over storage (published-surveys.ts): learns the versions other collector processes published
   * since it last looked, at most once per its time to live; absent on a registry of files alone.
   */
  refresh?(): Promise<void>;
  /** Over storage: reads one version this process does not hold yet, in case another published it. */
  lookUp?(id: string, version: number): Promise<SurveyDefinition | undefined>;
}

export class SurveyFileError extends Error {
  override name = "SurveyFileError";
}

export function createSurveyRegistry(definitions: readonly SurveyDefinition[]): SurveyRegistry {
  const byId = new Map<string, SurveyDefinition[]>();
  const put = (def: SurveyDefinition, again: "refuse" | "same") => {
    const versions = byId.get(def.id) ?? [];
    const held = versions.find((v) => v.version === def.version);
    if (held) {
      if (again === "same" && JSON.stringify(held) === JSON.stringify(def)) return;
      throw new SurveyFileError(`survey "${def.id}" version ${def.version} is defined twice`);
    }
    versions.push(def);
    versions.sort((a, b) => b.version - a.version);
    byId.set(def.id, versions);
  };
  for (const def of definitions) put(def, "refuse");
  const latest = () => [...byId.values()].map((v) => v[0] as SurveyDefinition);
  return {
    latest,
    latestOf: (id) => byId.get(id)?.[0],
    get: (id, version) => byId.get(id)?.find((d) => d.version === version),
    versionsOf: (id) => [...(byId.get(id) ?? [])],
    summaries: () =>
      latest().map(({ id, version, title, locales }) => ({ id, version, title, locales: [...locales] })),
    add: (def) => put(def, "same"),
  };
}

/** Parses one definition file; a bad one throws naming the file and every problem's path. */
export function readSurveyFile(file: string): SurveyDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new SurveyFileError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = SurveyDefinition.safeParse(json);
  if (!parsed.success)
    throw new SurveyFileError(
      `${file}: not a valid survey definition: ${describeProblems(problemsOf(parsed.error))}`,
    );
  return parsed.data;
}

/** A definition as read from a file, with the file named for messages. */
export interface ShippedSurvey {
  def: SurveyDefinition;
  file: string;
}

/** Every *.json directly under each directory that exists (surveys/, then surveys/archive/). */
export function readSurveyDirs(dirs: readonly string[]): ShippedSurvey[] {
  const shipped: ShippedSurvey[] = [];
  const fileOf = new Map<string, string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".json")) continue;
      const file = join(dir, name);
      const def = readSurveyFile(file);
      const key = `${def.id} version ${def.version}`;
      const earlier = fileOf.get(key);
      if (earlier) throw new SurveyFileError(`${file}: survey ${key} is already defined in ${earlier}`);
      fileOf.set(key, file);
      shipped.push({ def, file });
    }
  }
  return shipped;
}

/** The files alone, without storage: for tests, benches and scripts that publish nothing. */
export function loadSurveyRegistry(dirs: readonly string[]): SurveyRegistry {
  return createSurveyRegistry(readSurveyDirs(dirs).map((s) => s.def));
}
