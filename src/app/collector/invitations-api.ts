import {
  type InvitationBatch,
  InvitationBatchCreated,
  InvitationBatchList,
  type NewInvitationBatchBody,
  ResponseRate,
} from "../../contract/invitation-batches";
import { readEndpoint } from "../device/settings";
import { organizerFetch } from "./organizer-fetch";

const base = (surveyId: string) => `/surveys/${encodeURIComponent(surveyId)}`;
const batchPath = (surveyId: string, batchId: string) =>
  `${base(surveyId)}/invitations/${encodeURIComponent(batchId)}`;

/** The survey's invitation batches: never cached, so a batch just made is listed. */
export async function listBatches(surveyId: string): Promise<InvitationBatch[]> {
  const res = await organizerFetch(`${base(surveyId)}/invitations`, { cache: "no-store" });
  return InvitationBatchList.parse(await res.json()).batches;
}

export async function createBatch(
  surveyId: string,
  body: NewInvitationBatchBody,
): Promise<InvitationBatchCreated> {
  const res = await organizerFetch(`${base(surveyId)}/invitations`, { method: "POST", json: body });
  return InvitationBatchCreated.parse(await res.json());
}

/** The batch's codes for the mail merge (code, personal URL), or those not used yet for the reminder. */
export async function fetchCodesCsv(surveyId: string, batchId: string, unused: boolean): Promise<Blob> {
  const path = unused ? `${batchPath(surveyId, batchId)}/unused.csv` : `${batchPath(surveyId, batchId)}.csv`;
  return await (await organizerFetch(path, { cache: "no-store" })).blob();
}

/** Where the printable letters are: a page of the collector, opened in a tab of its own. */
export async function lettersUrl(surveyId: string, batchId: string, unused: boolean): Promise<string> {
  return `${await readEndpoint()}${batchPath(surveyId, batchId)}/letters${unused ? "?unused=true" : ""}`;
}

export async function fetchResponseRate(surveyId: string, wave: number): Promise<ResponseRate> {
  const res = await organizerFetch(`${base(surveyId)}/response-rate?wave=${wave}`, { cache: "no-store" });
  return ResponseRate.parse(await res.json());
}
