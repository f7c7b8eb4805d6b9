import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SurveySource } from "./survey-assets";

/** Where the shipped definitions live, relative to the project's root. */
export const SURVEYS_DIR = "surveys";

/** Every surveys/*.json, by name, as read now (a dev server reads them again on each request). */
export function readSurveySources(): SurveySource[] {
  return readdirSync(SURVEYS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: join(SURVEYS_DIR, f), text: readFileSync(join(SURVEYS_DIR, f), "utf8") }));
}
