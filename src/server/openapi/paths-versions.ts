import { XLSX_MEDIA_TYPE } from "../../contract/versions";
import { json, organizer, problem, surveyId, unauthorized } from "./parts";

const workbookBody = {
  required: true,
  content: { [XLSX_MEDIA_TYPE]: { schema: { type: "string", format: "binary" } } },
};
const dryRun = {
  name: "dryRun",
  in: "query",
  required: false,
  description:
    "true: check and answer what would be published (definition, changes, warnings), store nothing",
  schema: { type: "boolean" },
};
const uploadRefusals = {
  "400": problem("Bad dryRun"),
  ...unauthorized,
  "413": problem("Larger than 5 MiB"),
  "415": problem(`Not ${XLSX_MEDIA_TYPE}`),
  "422": json(
    "InvalidWorkbook",
    "invalid_workbook: every problem of the workbook, each at its sheet, row (1-based) and column letter; nothing was published",
  ),
};

/** Authoring: a survey workbook published as a version, the versions listed, any one downloaded. */
export const versionPaths = {
  "/surveys/{id}/versions": {
    get: {
      ...organizer,
      summary: "Every published version of a survey, newest first, each with its changes from the one before",
      parameters: [surveyId],
      responses: {
        "200": json("VersionList", "The versions"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
    post: {
      ...organizer,
      summary:
        "Publish a survey workbook (.xlsx) as the survey's next version (exactly the latest + 1), beside the others; ?dryRun=true checks it only",
      parameters: [surveyId, dryRun],
      requestBody: workbookBody,
      responses: {
        "200": json("DryRunResult", "Dry run: what would be published"),
        "201": json("PublishedVersion", "Published"),
        ...uploadRefusals,
        "404": problem("No such survey"),
        "409": problem(
          "version_conflict: the workbook's version is not the latest + 1 (or was published meanwhile)",
        ),
      },
    },
  },
  "/surveys/{id}/workbook": {
    get: {
      ...organizer,
      summary: "A published version as its .xlsx workbook (the template of the next one)",
      parameters: [
        surveyId,
        {
          name: "version",
          in: "query",
          required: false,
          description: "Omitted: the latest",
          schema: { type: "integer" },
        },
      ],
      responses: {
        "200": {
          description: "The workbook (Content-Disposition names the file)",
          content: { [XLSX_MEDIA_TYPE]: { schema: { type: "string", format: "binary" } } },
        },
        "400": problem("Bad version"),
        ...unauthorized,
        "404": problem("No such survey or version"),
      },
    },
  },
};

/** POST /surveys: a new survey's workbook, published as its version 1. */
export const newSurveyPath = {
  ...organizer,
  summary: "Publish the workbook of a new survey as its version 1; ?dryRun=true checks it only",
  parameters: [dryRun],
  requestBody: workbookBody,
  responses: {
    "200": json("DryRunResult", "Dry run: what would be published"),
    "201": json("PublishedVersion", "Published"),
    ...uploadRefusals,
    "409": problem(
      "survey_exists: a survey with this id exists (publish its next version instead), or version_conflict: not version 1",
    ),
  },
};
