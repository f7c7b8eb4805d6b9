import { definitionInPath } from "../contract/paths";
import type { SurveySummary } from "../contract/surveys";
import { SurveyDefinition } from "../domain/definition";
import { definitionIn } from "../domain/definition-in";
import { describeProblems, problemsOf } from "../domain/issues";
import { LOCALES } from "../domain/locales";

/** One definition file as read from surveys/: its name (for messages) and its text. */
export interface SurveySource {
  file: string;
  text: string;
}

/**
 * A file to publish beside the app: /surveys/<id>.json (every language: kiosks, flyers, the service
 * worker), /surveys/<id>.<locale>.json (one language: a respondent's first load) and /surveys/index.json.
 */
export interface SurveyAsset {
  fileName: string;
  json: string;
}

export class SurveyAssetError extends Error {
  override name = "SurveyAssetError";
}

/**
 * Checks every definition with the same schema the app and the collector use, and turns them into
 * the files the app fetches (and the service worker precaches). Pure, so the build plugin stays glue
 * and this is tested without Vite. A bad file throws naming the file and each problem's path.
 */
export function surveyAssets(sources: readonly SurveySource[]): SurveyAsset[] {
  const latest = latestDefinitions(sources);
  const summaries: SurveySummary[] = latest.map(({ id, version, title, locales }) => ({
    id,
    version,
    title,
    locales,
  }));
  return [
    ...latest.map((def) => ({ fileName: `surveys/${def.id}.json`, json: JSON.stringify(def) })),
    ...latest.flatMap((def) =>
      LOCALES.map((locale) => ({
        fileName: definitionInPath(def.id, locale),
        json: JSON.stringify(definitionIn(def, locale)),
      })),
    ),
    { fileName: "surveys/index.json", json: JSON.stringify(summaries) },
  ];
}

/** Each survey's newest version, checked, by id; what the app answers (and the build prerenders). */
export function latestDefinitions(sources: readonly SurveySource[]): SurveyDefinition[] {
  const definitions = new Map<string, { def: SurveyDefinition; file: string }>();
  for (const { file, text } of sources) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new SurveyAssetError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = SurveyDefinition.safeParse(json);
    if (!parsed.success)
      throw new SurveyAssetError(
        `${file}: not a valid survey definition: ${describeProblems(problemsOf(parsed.error))}`,
      );
    const def = parsed.data;
    const earlier = definitions.get(def.id);
    if (earlier?.def.version === def.version)
      throw new SurveyAssetError(
        `${file}: survey "${def.id}" version ${def.version} is also in ${earlier.file}`,
      );
    // The app answers the newest version; older files stay for the collector's archive.
    if (!earlier || earlier.def.version < def.version) definitions.set(def.id, { def, file });
  }
  return [...definitions.values()].map((d) => d.def).sort((a, b) => a.id.localeCompare(b.id));
}
