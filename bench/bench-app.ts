import type { Hono } from "hono";
import type { Response } from "../src/domain/response";
import { type AppDeps, createApp } from "../src/server/app";
import type { Storage } from "../src/server/storage";
import { loadSurveyRegistry } from "../src/server/surveys";

/** The answers per POST: a device's batch, as the sync engine sends them. */
export const BATCH = 100;

/** The collector the benches measure: the shipped surveys (and their archived versions, which the fixtures answer), a fixed organizer token, no request log. */
export function benchApp(storage: Storage, options: Partial<AppDeps> = {}): Hono {
  return createApp({
    storage,
    surveys: loadSurveyRegistry(["surveys", "surveys/archive"]),
    organizerToken: "bench",
    log: () => {},
    ...options,
  });
}

/** Posts the answers to /api/v1/responses a batch at a time, as devices do; any status but 200 throws. */
export async function postInBatches(app: Hono, items: readonly Response[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const res = await app.request("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: items.slice(i, i + BATCH) }),
    });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
  }
}

/** The FY a benchmark's answers fall in (bench fixtures are dated 2026). */
const BENCH_WAVE = 2026;

/**
 * A response as the hand-written baselines insert it, beside the collector: the responses row's
 * values (id, survey_id, survey_version, wave, submitted_at, received_at, locale, mode, answers,
 * content_hash) and one answer_choices row (response_id, survey_id, wave, question_id, option_id)
 * per chosen option. The content hash is a placeholder: the baseline does not hash.
 */
export function baselineRows(r: Response, receivedAt: string) {
  return {
    response: [
      r.id,
      r.surveyId,
      r.surveyVersion,
      BENCH_WAVE,
      r.submittedAt,
      receivedAt,
      r.locale,
      r.mode,
      JSON.stringify(r.answers),
      "0".repeat(64),
    ] as const,
    choices: Object.entries(r.answers).flatMap(([q, a]) =>
      (Array.isArray(a) ? a : [a])
        .filter((o): o is string => typeof o === "string")
        .map((o) => [r.id, r.surveyId, BENCH_WAVE, q, o] as const),
    ),
  };
}
