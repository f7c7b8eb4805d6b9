import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { Answers, Response } from "../../domain/response";
import { uuidv7 } from "../../domain/uuid";
import { type AnswerError, validateAnswers } from "../../domain/validate";
import { visibleAnswers } from "../../domain/visibility";
import { getOutbox } from "./outbox";
import { syncNow } from "./sync";

/**
 * One keying of a returned paper form: mode paper, its form number, the answers as keyed (a blank
 * left out; what the form skips dropped). `locale` is the screen's language, not the resident's.
 */
export function buildPaperKeying(
  def: SurveyDefinition,
  answers: Answers,
  paperForm: string,
  locale: Locale,
  now = new Date(),
): Response {
  return {
    id: uuidv7(now.getTime()),
    surveyId: def.id,
    surveyVersion: def.version,
    submittedAt: now.toISOString(),
    locale,
    mode: "paper",
    paperForm,
    answers: visibleAnswers(def, answers),
  };
}

export type PaperSaveResult = { kind: "saved"; id: string } | { kind: "invalid"; errors: AnswerError[] };

/**
 * Checks a keying as the collector will (paper's blanks allowed), writes it to the outbox and
 * resolves once it is on disk; it is sent by the same sync as every answer, with staff's session.
 */
export async function savePaperKeying(
  def: SurveyDefinition,
  answers: Answers,
  paperForm: string,
  locale: Locale,
): Promise<PaperSaveResult> {
  const keying = buildPaperKeying(def, answers, paperForm, locale);
  const errors = validateAnswers(def, keying.answers, { blanksAllowed: true });
  if (errors.length > 0) return { kind: "invalid", errors };
  await (await getOutbox()).enqueue(keying);
  void syncNow();
  return { kind: "saved", id: keying.id };
}
