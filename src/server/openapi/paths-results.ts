import { json, jsonBody, organizer, problem, surveyId, unauthorized } from "./parts";

const wavePath = {
  name: "wave",
  in: "path",
  required: true,
  description: "Fiscal year (年度, April–March in Asia/Tokyo), four digits",
  schema: { type: "integer" },
};
const openData = (summary: string, type: string, schema: object) => ({
  get: {
    summary,
    parameters: [
      surveyId,
      { ...wavePath, name: "file", description: "<fiscal year>.json or <fiscal year>.csv" },
    ],
    responses: {
      "200": { description: "The live snapshot (CC BY 4.0)", content: { [type]: { schema } } },
      "404": problem("results_not_found: not published, or taken down"),
    },
  },
});

/** Results published to residents (issue 23), and their open data. */
export const resultsPaths = {
  "/surveys/{id}/results/{wave}": {
    post: {
      ...organizer,
      summary:
        "Publish the wave's results as a new snapshot (the tallies of counted responses, the chosen breakdowns with small groups hidden, the trend, each indicator's 'what the ward will do' by language); ?dryRun=true answers the snapshot and stores nothing",
      parameters: [
        surveyId,
        wavePath,
        { name: "dryRun", in: "query", required: false, schema: { type: "boolean" } },
      ],
      requestBody: jsonBody("PublishResultsRequest"),
      responses: {
        "200": json("ResultsSnapshot", "The preview (dryRun)"),
        "201": json("PublishedResults", "Published: the page shows this snapshot until published again"),
        "400": problem("invalid_body: an unknown indicator, language or breakdown question, at its path"),
        ...unauthorized,
        "404": problem("No such survey"),
        "422": problem("results_wave_empty: the wave has no counted responses"),
      },
    },
    delete: {
      ...organizer,
      summary: "Take the wave's results page and open data down (the snapshots stay stored)",
      parameters: [surveyId, wavePath],
      responses: {
        "200": { description: "Taken down" },
        ...unauthorized,
        "404": problem("results_not_found: nothing of the wave is published"),
      },
    },
  },
  "/public/surveys/{id}/results.json": {
    get: {
      summary: "The waves whose results are published now, newest first, with their page and open data",
      parameters: [surveyId],
      responses: { "200": json("PublishedResultsList", "Published waves (none: an empty list)") },
    },
  },
  "/public/surveys/{id}/results/{file}": openData(
    "A published wave as JSON (the snapshot with its method and licence) or CSV (UTF-8 with BOM, CRLF, Japanese column names)",
    "application/json",
    { $ref: "#/components/schemas/ResultsSnapshot" },
  ),
  "/public/surveys/{id}/results/{wave}/reactions": {
    post: {
      summary:
        "A resident's reaction to a published indicator (the results page's HTML form, no script): stored as a response of the survey '<id>-reactions' with the same checks and intake limits as POST /responses, then 303 back to the page",
      parameters: [surveyId, wavePath],
      requestBody: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              required: ["indicator", "helpful"],
              properties: {
                indicator: { type: "string" },
                helpful: { type: "string", enum: ["yes", "no"] },
                comment: { type: "string", maxLength: 500 },
                lang: { type: "string" },
              },
            },
          },
        },
      },
      responses: {
        "303": { description: "Stored: back to the page, which thanks the resident" },
        "400": problem("invalid_body: which field and why"),
        "403": problem("cross_site_request: the form of another site"),
        "404": problem("results_not_found: not published"),
        "415": problem("Not a form"),
        "429": problem("rate_limited: too many from this address"),
      },
    },
  },
};
