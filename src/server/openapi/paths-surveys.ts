import { json, problem, surveyId } from "./parts";
import { newSurveyPath } from "./paths-versions";

/** The health check and the survey definitions: anyone may read them (an organizer adds a survey). */
export const surveyPaths = {
  "/health": {
    get: { summary: "Liveness and storage kind", responses: { "200": json("Health", "Up") } },
  },
  "/surveys": {
    get: {
      summary: "The latest version of every survey",
      responses: { "200": json("SurveyList", "Summaries") },
    },
    post: newSurveyPath,
  },
  "/surveys/{id}": {
    get: {
      summary: "One survey definition, the latest or ?version=N",
      parameters: [surveyId, { name: "version", in: "query", required: false, schema: { type: "integer" } }],
      responses: {
        "200": json("SurveyDefinition", "The definition"),
        "400": problem("Bad version"),
        "404": problem("No such survey or version"),
      },
    },
  },
};
