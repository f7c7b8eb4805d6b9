import type { ItemResult } from "../contract/responses";
import type { Response as SurveyResponse } from "../domain/response";
import type { PostAnswer, SyncFailure } from "./outcome";

export const TOO_LARGE_REASON = "too large for the endpoint (HTTP 413)";

export interface BatchReport {
  /** Only for ids of this batch, each at most once: a stray id in an answer must not mark anything. */
  results: ItemResult[];
  failure?: SyncFailure;
}

/**
 * Sends a batch; on 413 sends each half in turn, down to single items, and a single item the
 * endpoint still refuses as too large is rejected with a reason. Stops at the first failure, keeping
 * the results of the halves that already got through.
 */
export async function sendBatch(
  batch: readonly SurveyResponse[],
  post: (batch: readonly SurveyResponse[]) => Promise<PostAnswer>,
): Promise<BatchReport> {
  const answer = await post(batch);
  if (answer.kind === "results") return { results: ownResults(batch, answer.results) };
  if (answer.kind !== "too-large") return { results: [], failure: answer };
  const [only] = batch;
  if (batch.length === 1 && only)
    return { results: [{ id: only.id, status: "rejected", error: TOO_LARGE_REASON }] };
  const middle = Math.ceil(batch.length / 2);
  const first = await sendBatch(batch.slice(0, middle), post);
  if (first.failure) return first;
  const second = await sendBatch(batch.slice(middle), post);
  return { ...second, results: [...first.results, ...second.results] };
}

function ownResults(batch: readonly SurveyResponse[], results: readonly ItemResult[]): ItemResult[] {
  const waiting = new Set(batch.map((r) => r.id));
  return results.filter((result) => waiting.delete(result.id));
}
