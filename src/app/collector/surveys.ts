import { definitionInPath } from "../../contract/paths";
import type { SurveySummary } from "../../contract/surveys";
import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";

/**
 * Definitions come from /surveys/: the collector answers them from its latest published version
 * (checked with the SurveyDefinition schema when published, defaults filled in), else the files the
 * build wrote from surveys/*.json. The service worker takes them from the network first and keeps
 * them in a cache of its own (src/sw.ts), so a newly published version reaches the device on its
 * next visit without a rebuild, and the form opens offline with the version last fetched. Parsing
 * them again here would put zod on the respondent's first load; a shape check catches a wrong file
 * instead.
 */
async function getJson(path: string): Promise<unknown> {
  // No extra headers: the fetch must match the collector's preload of the same file to reuse it.
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return await response.json();
}

function hasShape(value: unknown, keys: readonly string[]): boolean {
  return typeof value === "object" && value !== null && keys.every((k) => k in value);
}

export async function loadSurveyIndex(): Promise<SurveySummary[]> {
  const index = await getJson("/surveys/index.json");
  if (!Array.isArray(index) || !index.every((s) => hasShape(s, ["id", "version", "title"])))
    throw new Error("/surveys/index.json is not a survey index");
  return index as SurveySummary[];
}

/**
 * Fetches started before the first render (see prefetchSurvey), each taken over once by loadSurvey.
 * One per page, with the map below: main.tsx starts them and the screen that opens takes them over.
 */
const early = new Map<string, Promise<unknown>>();
/** What those fetches brought, once they have: the first render can draw the form at once. */
const arrived = new Map<string, unknown>();

/** The whole definition, or with `locale` its texts in that language only (definitionIn). */
const definitionPath = (id: string, locale?: Locale) =>
  `/${locale ? definitionInPath(id, locale) : `surveys/${id}.json`}`;

/**
 * Starts fetching a definition while the app is still starting (catalogue, first render), so the
 * first question does not wait for the page's effects to run on a slow phone. The collector names
 * the same file in a preload header, so this is usually answered from the preload. Settles (never
 * fails) when the file is in or could not be had.
 */
export function prefetchSurvey(id: string, locale?: Locale): Promise<void> {
  const path = definitionPath(id, locale);
  let fetching = early.get(path);
  if (!fetching) {
    fetching = getJson(path).then(
      (value) => {
        if (early.get(path) === fetching) arrived.set(path, value);
        return value;
      },
      () => undefined,
    );
    early.set(path, fetching);
  }
  return fetching.then(() => {});
}

function checked(path: string, id: string, def: unknown): SurveyDefinition {
  if (
    !hasShape(def, ["id", "version", "title", "questions", "indicators", "minCell"]) ||
    (def as SurveyDefinition).id !== id
  )
    throw new Error(`${path} is not the definition of "${id}"`);
  return def as SurveyDefinition;
}

/**
 * The prefetched definition if it has already come in (and is one), taken over like loadSurvey
 * takes it; else undefined, and loadSurvey fetches it.
 */
export function arrivedSurvey(id: string, locale?: Locale): SurveyDefinition | undefined {
  const path = definitionPath(id, locale);
  if (!arrived.has(path)) return undefined;
  const def = arrived.get(path);
  arrived.delete(path);
  early.delete(path);
  try {
    return checked(path, id, def);
  } catch {
    return undefined;
  }
}

export async function loadSurvey(id: string, locale?: Locale): Promise<SurveyDefinition> {
  const path = definitionPath(id, locale);
  const prefetched = early.get(path);
  early.delete(path);
  arrived.delete(path);
  return checked(path, id, (prefetched && (await prefetched)) ?? (await getJson(path)));
}
