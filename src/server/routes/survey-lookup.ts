import type { SurveyDefinition } from "../../domain/definition";
import { HttpProblem } from "../http/problems";
import type { SurveyRegistry } from "../surveys";

/** The latest version of the survey a route's :id names; 404 survey_not_found when there is none. */
export function latestSurveyOr404(surveys: Pick<SurveyRegistry, "latestOf">, id: string): SurveyDefinition {
  const def = surveys.latestOf(id);
  if (!def) throw new HttpProblem("survey_not_found", `there is no survey "${id}"`);
  return def;
}
