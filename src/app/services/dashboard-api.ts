import { ErrorBody, ImportSummary, Tallies } from "../../survey/contract";
import { readEndpoint } from "./settings";

/** 401/403: the token is wrong or expired; the dashboard asks for it again. */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
}

export class ApiError extends Error {
  override name = "ApiError";
}

async function organizerGet(path: string, token: string): Promise<globalThis.Response> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  if (!response.ok) {
    const body = ErrorBody.safeParse(await response.json().catch(() => undefined));
    throw new ApiError(body.success ? body.data.error.message : `HTTP ${response.status}`);
  }
  return response;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function fetchTallies(
  token: string,
  surveyId: string,
  options: { wave?: number; by?: string },
): Promise<Tallies> {
  const path = `/surveys/${encodeURIComponent(surveyId)}/tallies${query(options)}`;
  return Tallies.parse(await (await organizerGet(path, token)).json());
}

export async function fetchResponsesCsv(token: string, surveyId: string, wave?: number): Promise<Blob> {
  const path = `/surveys/${encodeURIComponent(surveyId)}/responses.csv${query({ wave })}`;
  return await (await organizerGet(path, token)).blob();
}

/**
 * POST /imports: a device-backup file as it is, checked whole by the collector before anything is
 * stored. A refused file throws ApiError with the collector's reason (what and where).
 */
export async function importBackupFile(token: string, file: Blob): Promise<ImportSummary> {
  const endpoint = await readEndpoint();
  const response = await fetch(`${endpoint}/imports`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: file,
  });
  if (response.status === 401 || response.status === 403)
    throw new UnauthorizedError(`HTTP ${response.status}`);
  if (!response.ok) {
    const body = ErrorBody.safeParse(await response.json().catch(() => undefined));
    throw new ApiError(body.success ? body.data.error.message : `HTTP ${response.status}`);
  }
  return ImportSummary.parse(await response.json());
}
