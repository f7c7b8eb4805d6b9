import {
  PublishedResults,
  PublishedResultsList,
  type PublishResultsBody,
  ResultsSnapshot,
} from "../../contract/results";
import { readEndpoint } from "../device/settings";
import { collectorFetch, organizerFetch } from "./organizer-fetch";

const path = (surveyId: string, wave: number) => `/surveys/${encodeURIComponent(surveyId)}/results/${wave}`;

/** GET /public/surveys/:id/results.json: the waves published now (anyone may ask). */
export async function fetchPublishedResults(surveyId: string): Promise<PublishedResultsList> {
  const response = await collectorFetch(`/public/surveys/${encodeURIComponent(surveyId)}/results.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return PublishedResultsList.parse(await response.json());
}

/** The snapshot a publish would store, stored nowhere (dryRun): the admin's preview. */
export async function previewResults(surveyId: string, wave: number, body: PublishResultsBody) {
  const response = await organizerFetch(`${path(surveyId, wave)}?dryRun=true`, {
    method: "POST",
    json: body,
  });
  return ResultsSnapshot.parse(await response.json());
}

export async function publishResults(surveyId: string, wave: number, body: PublishResultsBody) {
  const response = await organizerFetch(path(surveyId, wave), { method: "POST", json: body });
  return PublishedResults.parse(await response.json());
}

export async function unpublishResults(surveyId: string, wave: number): Promise<void> {
  await organizerFetch(path(surveyId, wave), { method: "DELETE" });
}

/** A page path of the collector (/results/…) as an address: the endpoint's origin, not the app's. */
export async function collectorPageUrl(page: string): Promise<string> {
  return new URL(page, await readEndpoint()).href;
}
