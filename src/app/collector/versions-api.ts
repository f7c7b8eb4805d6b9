import {
  DryRunResult,
  InvalidWorkbookBody,
  PublishedVersion,
  VersionList,
  type WorkbookProblem,
  XLSX_MEDIA_TYPE,
} from "../../contract/versions";
import { apiErrorOf, collectorFetch, UnauthorizedError } from "./organizer-fetch";

const versionsPath = (surveyId: string) => `/surveys/${encodeURIComponent(surveyId)}/versions`;

/** The collector refused the workbook (422 invalid_workbook): every problem at its cell. */
export class InvalidWorkbookError extends Error {
  override name = "InvalidWorkbookError";
  constructor(
    message: string,
    readonly problems: readonly WorkbookProblem[],
  ) {
    super(message);
  }
}

/** GET /surveys/:id/versions: every published version, newest first. */
export async function fetchVersions(surveyId: string): Promise<VersionList> {
  return VersionList.parse(await (await send(versionsPath(surveyId))).json());
}

/** The dry run: the definition the workbook would publish, its changes and warnings; nothing stored. */
export async function checkWorkbook(surveyId: string, file: Blob): Promise<DryRunResult> {
  return DryRunResult.parse(await (await upload(surveyId, file, true)).json());
}

/** Publishes the workbook as the survey's next version (ApiError version_conflict if someone was first). */
export async function publishWorkbook(surveyId: string, file: Blob): Promise<PublishedVersion> {
  return PublishedVersion.parse(await (await upload(surveyId, file, false)).json());
}

/**
 * The dry run of a new survey (POST /surveys?dryRun=true): its definition and warnings; nothing
 * stored. ApiError survey_exists if the workbook's id is taken (then it is that survey's next version).
 */
export async function checkNewSurvey(file: Blob): Promise<DryRunResult> {
  return DryRunResult.parse(await (await uploadTo("/surveys", file, true)).json());
}

/** Publishes the workbook as a new survey's version 1 (ApiError survey_exists if its id is taken). */
export async function publishNewSurvey(file: Blob): Promise<PublishedVersion> {
  return PublishedVersion.parse(await (await uploadTo("/surveys", file, false)).json());
}

/** A version's workbook (the current one without `version`): the template to write the next in. */
export async function fetchWorkbook(surveyId: string, version?: number): Promise<Blob> {
  const query = version === undefined ? "" : `?version=${version}`;
  return await (await send(`/surveys/${encodeURIComponent(surveyId)}/workbook${query}`)).blob();
}

function upload(surveyId: string, file: Blob, dryRun: boolean): Promise<globalThis.Response> {
  return uploadTo(versionsPath(surveyId), file, dryRun);
}

function uploadTo(path: string, file: Blob, dryRun: boolean): Promise<globalThis.Response> {
  return send(`${path}${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { "Content-Type": XLSX_MEDIA_TYPE },
    body: file,
  });
}

/** organizerFetch, but a 422 invalid_workbook keeps its problems' sheets, rows, columns and params. */
async function send(path: string, init: Parameters<typeof collectorFetch>[1] = {}) {
  const response = await collectorFetch(path, init);
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  if (response.status === 422) {
    const body = InvalidWorkbookBody.safeParse(
      await response
        .clone()
        .json()
        .catch(() => undefined),
    );
    if (body.success) throw new InvalidWorkbookError(body.data.error.message, body.data.error.problems);
  }
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}
