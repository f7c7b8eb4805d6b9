import { ResponseCounts } from "../../contract/counts";
import { ImportSummary } from "../../contract/imports";
import { PopulationSets, PopulationSummary } from "../../contract/population";
import { type ReviewBody, ReviewResult, ReviewSummary } from "../../contract/reviews";
import { Tallies } from "../../contract/tallies";
import { Trend } from "../../contract/trend";
import { organizerFetch } from "./organizer-fetch";

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const surveyPath = (surveyId: string, rest: string) => `/surveys/${encodeURIComponent(surveyId)}/${rest}`;

export async function fetchTallies(
  surveyId: string,
  options: { wave?: number; by?: string },
): Promise<Tallies> {
  return Tallies.parse(await (await organizerFetch(surveyPath(surveyId, `tallies${query(options)}`))).json());
}

export async function fetchTrend(surveyId: string): Promise<Trend> {
  return Trend.parse(await (await organizerFetch(surveyPath(surveyId, "trend"))).json());
}

/** Stored responses per Tokyo day, event, kiosk device and survey version; every wave without one. */
export async function fetchResponseCounts(surveyId: string, wave?: number): Promise<ResponseCounts> {
  return ResponseCounts.parse(
    await (await organizerFetch(surveyPath(surveyId, `counts${query({ wave })}`))).json(),
  );
}

/** Which waves have population totals (and the survey-wide ones of before), each with its upload time. */
export async function fetchPopulationSets(surveyId: string): Promise<PopulationSets> {
  return PopulationSets.parse(await (await organizerFetch(surveyPath(surveyId, "population"))).json());
}

/** The totals a wave's weighted estimates use: its own, the survey-wide ones, or none (`source`). */
export async function fetchPopulation(surveyId: string, wave: number): Promise<PopulationSummary> {
  return PopulationSummary.parse(
    await (await organizerFetch(surveyPath(surveyId, `population${query({ wave })}`))).json(),
  );
}

/** Replaces a wave's population totals; a refused file throws ApiError with each line's problem. */
export async function uploadPopulation(
  surveyId: string,
  wave: number,
  file: Blob,
): Promise<PopulationSummary> {
  const response = await organizerFetch(surveyPath(surveyId, `population${query({ wave })}`), {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: file,
  });
  return PopulationSummary.parse(await response.json());
}

export type CsvExport = "responses.csv" | "tallies.csv" | "policy.csv";

export async function fetchCsv(
  surveyId: string,
  file: CsvExport,
  params: { wave?: number; by?: string; labels?: string } = {},
): Promise<Blob> {
  return await (await organizerFetch(surveyPath(surveyId, `${file}${query(params)}`))).blob();
}

/**
 * POST /imports: a device-backup file as it is, checked whole by the collector before anything is
 * stored. A refused file throws ApiError with the collector's reason (what and where).
 */
export async function importBackupFile(file: Blob): Promise<ImportSummary> {
  const response = await organizerFetch("/imports", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: file,
  });
  return ImportSummary.parse(await response.json());
}

/** What the collector stored but does not count (held, excluded), by state, reason and wave. */
export async function fetchReviews(surveyId: string): Promise<ReviewSummary> {
  return ReviewSummary.parse(await (await organizerFetch(surveyPath(surveyId, "reviews"))).json());
}

/** Moves every response of `from` (a state and reason, in one wave) to `to`, saying why. */
export async function changeReviews(surveyId: string, body: ReviewBody): Promise<ReviewResult> {
  const response = await organizerFetch(surveyPath(surveyId, "reviews"), { method: "POST", json: body });
  return ReviewResult.parse(await response.json());
}

/** Undoes a review change by its id, saying why; answers how many came back. */
export async function undoReviewChange(
  surveyId: string,
  changeId: string,
  reason: string,
): Promise<ReviewResult> {
  const response = await organizerFetch(
    surveyPath(surveyId, `reviews/${encodeURIComponent(changeId)}/undo`),
    { method: "POST", json: { reason } },
  );
  return ReviewResult.parse(await response.json());
}
