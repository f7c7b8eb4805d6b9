import { ErrorBody } from "../contract/errors";
import { ResponsesResult } from "../contract/responses";
import type { Response as SurveyResponse } from "../domain/response";
import { parseRetryAfter } from "./backoff";
import { responsesBody, travelsSignedIn } from "./batch";
import { describeError, type PostAnswer } from "./outcome";

export interface PostOptions {
  endpoint: string;
  token?: string | undefined;
  fetch: typeof fetch;
  now: () => number;
  /** A request that hangs would hold the sync lock for ever; give up and retry later. */
  timeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 30_000;

/** One POST /responses, its answer sorted into what the engine acts on. Never throws. */
export async function postBatch(batch: readonly SurveyResponse[], options: PostOptions): Promise<PostAnswer> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let answer: globalThis.Response;
  try {
    answer = await options.fetch(`${options.endpoint}/responses`, {
      method: "POST",
      headers,
      body: responsesBody(batch),
      // Respondents are anonymous: no cookie goes with their answers. Paper keyings go in batches of
      // their own (sync-once.ts) with staff's session, which the collector asks of them.
      credentials: batch.length > 0 && batch.every(travelsSignedIn) ? "same-origin" : "omit",
      cache: "no-store",
      ...(typeof AbortSignal.timeout === "function" && { signal: AbortSignal.timeout(timeoutMs) }),
    });
  } catch (error) {
    return { kind: "offline", error: describeError(error) };
  }
  const status = answer.status;
  if (status === 413) return { kind: "too-large" };
  if (status === 401 || status === 403)
    return { kind: "unauthorized", status, error: `HTTP ${status}: ${await errorMessage(answer)}` };
  if (status < 200 || status > 299) {
    const retryAfterMs = parseRetryAfter(answer.headers.get("Retry-After"), options.now());
    return {
      kind: "error",
      status,
      error: `HTTP ${status}: ${await errorMessage(answer)}`,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }
  let body: unknown;
  try {
    body = await answer.json();
  } catch (error) {
    // The collector may have stored the batch and the link dropped mid-answer: resending is safe.
    return { kind: "offline", error: `the answer was cut short: ${describeError(error)}` };
  }
  const parsed = ResponsesResult.safeParse(body);
  if (!parsed.success)
    return { kind: "error", status, error: "the endpoint's answer is not a v1 results body" };
  return { kind: "results", results: parsed.data.results };
}

async function errorMessage(answer: globalThis.Response): Promise<string> {
  const text = await answer.text().catch(() => "");
  try {
    return ErrorBody.parse(JSON.parse(text)).error.message;
  } catch {
    return answer.statusText || text.slice(0, 200) || "no message";
  }
}
