import type { SurveyDefinition, SurveySummary } from "../../survey";

/**
 * Definitions come from /surveys/: files the build wrote from surveys/*.json after checking each
 * with the SurveyDefinition schema (defaults filled in), precached by the service worker together
 * with this code, so the form opens offline and the two always match. Parsing them again here
 * would put zod on the respondent's first load; a shape check catches a wrong file instead.
 */
async function getJson(path: string): Promise<unknown> {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
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

/** Fetches started before the first render (see prefetchSurvey), each taken over once by loadSurvey. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts fetching a definition while the app is still starting (catalogue, first render), so the
 * first question does not wait for the page's effects to run on a slow phone.
 */
export function prefetchSurvey(id: string): void {
  if (!early.has(id))
    early.set(
      id,
      getJson(`/surveys/${encodeURIComponent(id)}.json`).catch(() => undefined),
    );
}

export async function loadSurvey(id: string): Promise<SurveyDefinition> {
  const prefetched = early.get(id);
  early.delete(id);
  const def =
    (prefetched && (await prefetched)) ?? (await getJson(`/surveys/${encodeURIComponent(id)}.json`));
  if (
    !hasShape(def, ["id", "version", "title", "questions", "indicators", "minCell"]) ||
    (def as SurveyDefinition).id !== id
  )
    throw new Error(`/surveys/${id}.json is not the definition of "${id}"`);
  return def as SurveyDefinition;
}
