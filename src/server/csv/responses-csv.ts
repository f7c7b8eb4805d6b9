import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { Answer } from "../../domain/response";
import type { ResponseStorage, StoredResponse } from "../storage/response-storage";
import { type QuestionColumn, questionColumns } from "./answer-labels";
import { csvRow } from "./cell";

export const FIXED_COLUMNS = [
  "id",
  "submittedAt",
  "wave",
  "mode",
  "locale",
  "eventId",
  "deviceId",
  "surveyVersion",
] as const;

const PAGE_SIZE = 500;
const BOM = "\uFEFF";

function answerCell(answer: Answer | undefined): string | number | undefined {
  return Array.isArray(answer) ? answer.join(";") : answer;
}

/** With `?review=all`: each row's review state and reason, after the fixed columns. */
export const REVIEW_COLUMNS = ["reviewState", "reviewReason"] as const;

function responseRow(r: StoredResponse, questions: readonly QuestionColumn[], withReview: boolean): string {
  return csvRow([
    r.id,
    r.submittedAt,
    r.wave,
    r.mode,
    r.locale,
    r.eventId,
    r.deviceId,
    r.surveyVersion,
    ...(withReview ? [r.reviewState, r.reviewReason] : []),
    ...questions.flatMap((q) => {
      const cell = answerCell(r.answers[q.id]);
      return q.heading === undefined ? [cell] : [cell, q.labels?.(r.answers[q.id])];
    }),
  ]);
}

/**
 * The survey's responses as UTF-8 CSV with a BOM (so Excel reads Japanese right) and CRLF, produced
 * a page at a time as the client reads, so a large export never sits whole in memory. With `labels`
 * (a locale), each choice question's column of ids is followed by one of its options' labels, headed
 * with its short label: an analyst reads words, a script still reads the ids under their own heading.
 */
export function responsesCsv(
  storage: Pick<ResponseStorage, "responsesPage">,
  versions: readonly SurveyDefinition[],
  query: { surveyId: string; wave: number | null; allStates?: boolean },
  labels: Locale | null = null,
): ReadableStream<Uint8Array> {
  const withReview = query.allStates === true;
  const questions = questionColumns(versions, labels);
  const headings = questions.flatMap((q) => (q.heading === undefined ? [q.id] : [q.id, q.heading]));
  const encoder = new TextEncoder();
  let afterId: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(
            BOM + csvRow([...FIXED_COLUMNS, ...(withReview ? REVIEW_COLUMNS : []), ...headings]),
          ),
        );
        return;
      }
      const page = await storage.responsesPage({ ...query, afterId, limit: PAGE_SIZE });
      if (page.length > 0) {
        controller.enqueue(encoder.encode(page.map((r) => responseRow(r, questions, withReview)).join("")));
        afterId = page.at(-1)?.id ?? null;
      }
      if (page.length < PAGE_SIZE) controller.close();
    },
  });
}
