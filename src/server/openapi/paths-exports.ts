import { BACKUP_PROBLEM_CODES } from "../../contract/problem-codes";
import {
  csvDownload,
  json,
  jsonBody,
  labels,
  organizer,
  problem,
  surveyId,
  unauthorized,
  wave,
} from "./parts";

/** Responses out as CSV, and device backups in. */
export const exportPaths = {
  "/surveys/{id}/responses.csv": csvDownload(
    "Every counted response as CSV: UTF-8 with BOM, CRLF, id first, one column a question (its id as heading, option ids in the cells); with labels, each choice question's column is followed by one headed with its short label, holding the options' labels; with review=all, held and excluded responses too, with reviewState and reviewReason columns",
    [
      surveyId,
      wave,
      labels,
      {
        name: "review",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["counted", "all"] },
        description: "counted (the default) or all, each row then with its review state",
      },
    ],
    "Bad wave or review, or labels not a language of the survey (unknown_locale)",
  ),
  "/imports": {
    post: {
      ...organizer,
      summary:
        "Import a device-backup file (≤ 20 MiB) through the same checks and dedupe as /responses; a damaged or foreign file stores nothing",
      requestBody: jsonBody("BackupFile"),
      responses: {
        "200": json("ImportSummary", "A count per status, then one result per item of the file, in order"),
        ...unauthorized,
        "413": problem("Larger than 20 MiB"),
        "422": problem(
          `invalid_backup: not a Tsunagu backup, an unsupported version, or damaged (schema or checksum); problems[].code says which (${BACKUP_PROBLEM_CODES.join(", ")}) and path where`,
        ),
      },
    },
  },
};
