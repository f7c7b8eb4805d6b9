import type { DefinitionChange } from "../contract/versions";
import { canonicalJson } from "../domain/canonical-json";
import { SurveyDefinition } from "../domain/definition";
import { definitionChanges } from "../domain/definition-changes";
import { describeProblems, problemsOf } from "../domain/issues";
import type { StoredVersion, VersionStorage } from "./storage/version-storage";
import {
  createSurveyRegistry,
  readSurveyDirs,
  type ShippedSurvey,
  SurveyFileError,
  type SurveyRegistry,
} from "./surveys";

/**
 * How stale a process's list of versions may be on GET /surveys and the definition files: another
 * collector process on the same PostgreSQL may have published since. A response to a version this
 * process lacks does not wait for it: it reads that version at once (lookUp).
 */
export const REFRESH_TTL_MS = 5_000;

/** A stored version as a definition; a row that is not one throws naming it. */
export function definitionOf(stored: StoredVersion): SurveyDefinition {
  const name = `survey "${stored.surveyId}" version ${stored.version} in the database`;
  let json: unknown;
  try {
    json = JSON.parse(stored.definition);
  } catch (error) {
    throw new SurveyFileError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = SurveyDefinition.safeParse(json);
  if (!parsed.success)
    throw new SurveyFileError(
      `${name}: not a valid definition: ${describeProblems(problemsOf(parsed.error))}`,
    );
  return parsed.data;
}

/** The version as the database keeps it: its definition, when it was published, by whom, what changed. */
export function versionRow(
  def: SurveyDefinition,
  changes: readonly DefinitionChange[],
  publishedAt: string,
  publishedBy: string | null,
): StoredVersion {
  return {
    surveyId: def.id,
    version: def.version,
    definition: JSON.stringify(def),
    publishedAt,
    publishedBy,
    changes: JSON.stringify(changes),
  };
}

const sameDefinition = (a: SurveyDefinition, b: SurveyDefinition) => canonicalJson(a) === canonicalJson(b);

/**
 * Stores each shipped definition the database lacks (a first start, or a file added since), oldest
 * version first so each one's changes are from the one before. Idempotent, and safe when several
 * processes start at once (an insert that finds the version stored compares instead). A file that
 * differs from the stored same version is refused: a published version never changes. Returns
 * "id vN" of each version this call stored.
 */
export async function seedSurveys(
  storage: Pick<VersionStorage, "insertVersion" | "versionOf">,
  shipped: readonly ShippedSurvey[],
  now: Date,
): Promise<string[]> {
  const seeded: string[] = [];
  const ordered = [...shipped].sort(
    (a, b) => a.def.id.localeCompare(b.def.id) || a.def.version - b.def.version,
  );
  for (const { def, file } of ordered) {
    let stored = await storage.versionOf(def.id, def.version);
    if (!stored) {
      const previous = await storage.versionOf(def.id, def.version - 1);
      const changes = previous ? definitionChanges(definitionOf(previous), def) : [];
      // The file's own publishedAt, if any, is the one its answers are judged by; else the seed's time.
      const row = versionRow(def, changes, def.publishedAt ?? now.toISOString(), null);
      if (await storage.insertVersion(row)) {
        seeded.push(`${def.id} v${def.version}`);
        continue;
      }
      stored = await storage.versionOf(def.id, def.version);
    }
    if (stored && !sameDefinition(definitionOf(stored), def))
      throw new SurveyFileError(
        `${file}: survey "${def.id}" version ${def.version} differs from the version ${def.version} stored in the database (published ${stored.publishedAt}); a published version never changes: publish the change as version ${def.version + 1}`,
      );
  }
  return seeded;
}

/**
 * The registry over storage: every stored version at start, then what other processes publish,
 * learnt on refresh() (at most every ttlMs: GET /surveys and the definition files) and on lookUp()
 * (a response naming a version this process lacks). A version this process publishes is add()ed.
 */
export async function storedSurveyRegistry(
  storage: Pick<VersionStorage, "versionKeys" | "versionOf">,
  options: { ttlMs?: number; clock?: () => number } = {},
): Promise<SurveyRegistry> {
  const ttl = options.ttlMs ?? REFRESH_TTL_MS;
  const clock = options.clock ?? Date.now;
  const keys = await storage.versionKeys();
  const stored = await Promise.all(keys.map((k) => storage.versionOf(k.surveyId, k.version)));
  const registry = createSurveyRegistry(stored.flatMap((s) => (s ? [definitionOf(s)] : [])));
  let checkedAt = clock();
  let inflight: Promise<void> | undefined;

  const readMissing = async () => {
    for (const key of await storage.versionKeys()) {
      if (registry.get(key.surveyId, key.version)) continue;
      const row = await storage.versionOf(key.surveyId, key.version);
      if (row) registry.add(definitionOf(row));
    }
    checkedAt = clock();
  };
  return {
    ...registry,
    refresh: () => {
      if (clock() - checkedAt < ttl) return Promise.resolve();
      // Requests arriving together share one read.
      inflight ??= readMissing().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    lookUp: async (id, version) => {
      const held = registry.get(id, version);
      if (held) return held;
      const row = await storage.versionOf(id, version);
      if (!row) return undefined;
      const def = definitionOf(row);
      registry.add(def);
      return def;
    },
  };
}

/** Start-up: seed from the shipped files, then the registry from what storage holds. */
export async function openPublishedSurveys(
  storage: Pick<VersionStorage, "insertVersion" | "versionKeys" | "versionOf">,
  dirs: readonly string[],
  options: { now?: Date; ttlMs?: number; clock?: () => number } = {},
): Promise<{ surveys: SurveyRegistry; seeded: string[] }> {
  const seeded = await seedSurveys(storage, readSurveyDirs(dirs), options.now ?? new Date());
  return { surveys: await storedSurveyRegistry(storage, options), seeded };
}

/** At most this many unknown versions are looked up for one batch; the rest are judged as they are. */
const MAX_LOOKUPS = 8;

/**
 * Before a batch is judged: each (survey, version) it names that this process lacks is read from
 * storage, so an answer to a version another process published a moment ago is not rejected.
 */
export async function lookUpNamedVersions(surveys: SurveyRegistry, items: readonly unknown[]): Promise<void> {
  if (!surveys.lookUp) return;
  const wanted = new Map<string, { id: string; version: number }>();
  for (const item of items) {
    if (!item || typeof item !== "object") continue;
    const { surveyId, surveyVersion } = item as { surveyId?: unknown; surveyVersion?: unknown };
    if (typeof surveyId !== "string" || surveyId.length > 64) continue;
    if (typeof surveyVersion !== "number" || !Number.isInteger(surveyVersion) || surveyVersion < 1) continue;
    if (surveys.get(surveyId, surveyVersion)) continue;
    wanted.set(`${surveyId}\u0000${surveyVersion}`, { id: surveyId, version: surveyVersion });
    if (wanted.size >= MAX_LOOKUPS) break;
  }
  for (const { id, version } of wanted.values()) await surveys.lookUp(id, version);
}
