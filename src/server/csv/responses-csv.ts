import type { SurveyDefinition } from "../../domain/definition";
import type { Answer } from "../../domain/response";
import type { ResponseStorage, StoredResponse } from "../storage/response-storage";
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

/** Question ids of every version, newest version's order first, so old answers keep a column. */
export function questionColumns(versions: readonly SurveyDefinition[]): string[] {
  const ids: string[] = [];
  for (const def of versions) for (const q of def.questions) if (!ids.includes(q.id)) ids.push(q.id);
  return ids;
}

function answerCell(answer: Answer | undefined): string | number | undefined {
  return Array.isArray(answer) ? answer.join(";") : answer;
}

function responseRow(r: StoredResponse, questions: readonly string[]): string {
  return csvRow([
    r.id,
    r.submittedAt,
    r.wave,
    r.mode,
    r.locale,
    r.eventId,
    r.deviceId,
    r.surveyVersion,
    ...questions.map((q) => answerCell(r.answers[q])),
  ]);
}

/**
 * The survey's responses as UTF-8 CSV with a BOM (so Excel reads Japanese right) and CRLF, produced
 * a page at a time as the client reads, so a large export never sits whole in memory.
 */
export function responsesCsv(
  storage: Pick<ResponseStorage, "responsesPage">,
  versions: readonly SurveyDefinition[],
  query: { surveyId: string; wave: number | null },
): ReadableStream<Uint8Array> {
  const questions = questionColumns(versions);
  const encoder = new TextEncoder();
  let afterId: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvRow([...FIXED_COLUMNS, ...questions])));
        return;
      }
      const page = await storage.responsesPage({ ...query, afterId, limit: PAGE_SIZE });
      if (page.length > 0) {
        controller.enqueue(encoder.encode(page.map((r) => responseRow(r, questions)).join("")));
        afterId = page.at(-1)?.id ?? null;
      }
      if (page.length < PAGE_SIZE) controller.close();
    },
  });
}
