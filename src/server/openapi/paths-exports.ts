import { BACKUP_PROBLEM_CODES } from "../../contract/problem-codes";
import { csvDownload, json, jsonBody, organizer, problem, surveyId, unauthorized, wave } from "./parts";

/** Responses out as CSV, and device backups in. */
export const exportPaths = {
  "/surveys/{id}/responses.csv": csvDownload(
    "Every response as CSV: UTF-8 with BOM, CRLF, id first, one column a question",
    [surveyId, wave],
    "Bad wave",
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
