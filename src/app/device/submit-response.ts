import type { SurveyDefinition } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import type { Answers, Response } from "../../domain/response";
import { uuidv7 } from "../../domain/uuid";
import type { AnswerError } from "../../domain/validate";
import { validateAnswers } from "../../domain/validate";
import { visibleAnswers } from "../../domain/visibility";
import { watchForUpdates } from "./app-update";
import { markDraft, settleDraft } from "./drafts";
import { getOutbox } from "./outbox";
import { askForPersistence } from "./persistence";
import { syncNow } from "./sync";

export type SubmitResult = { kind: "saved"; id: string } | { kind: "invalid"; errors: AnswerError[] };

/** Who collected a response: the respondent's own device, or an event's kiosk (which says which). */
export type ResponseOrigin =
  /** `invitation`: the code of the resident's mailed letter, sent with the answer, never kept by the collector. */
  { mode: "self"; invitation?: string | undefined } | { mode: "kiosk"; eventId: string; deviceId: string };

export const SELF: ResponseOrigin = { mode: "self" };

export function buildResponse(
  def: SurveyDefinition,
  answers: Answers,
  locale: Locale,
  now = new Date(),
  origin: ResponseOrigin = SELF,
): Response {
  return {
    id: uuidv7(now.getTime()),
    surveyId: def.id,
    surveyVersion: def.version,
    submittedAt: now.toISOString(),
    locale,
    // Only a kiosk names its event and device: a resident's own answer carries neither.
    ...(origin.mode === "kiosk"
      ? { mode: "kiosk", eventId: origin.eventId, deviceId: origin.deviceId }
      : { mode: "self", ...(origin.invitation && { invitation: origin.invitation }) }),
    answers: visibleAnswers(def, answers),
  };
}

/**
 * Checks the answers, then writes the response to the outbox and resolves only once it is on disk.
 * Throws when it could not be saved: the caller must then keep the answers and say so.
 * Sending happens afterwards and never delays the result.
 */
export async function submitResponse(
  def: SurveyDefinition,
  answers: Answers,
  locale: Locale,
  origin: ResponseOrigin = SELF,
): Promise<SubmitResult> {
  const response = buildResponse(def, answers, locale, new Date(), origin);
  const errors = validateAnswers(def, response.answers);
  if (errors.length > 0) return { kind: "invalid", errors };
  const outbox = await getOutbox();
  // The response is stored and its draft dropped in one transaction; a failed save keeps both the
  // draft and the answers on screen. A draft write begun before it (the move to the review screen
  // writes one at once) would otherwise land after it and bring the draft back: a page killed then
  // offered to resume an answer already stored, to be submitted again under a new id (kill.e2e.ts).
  await settleDraft(def.id);
  await outbox.enqueue(response, { discardDraft: def.id });
  // After the transaction: a crash before this leaves a mark without a draft, which the intro reads
  // as Continue, pressed to nothing lost (drafts.ts).
  markDraft(def.id, false);
  void askForPersistence().catch(() => {});
  // From the engine's chunk: sync/triggers.ts imported here brought the sync settings, backoff and
  // not-before modules into the app's entry, which the first screen never runs (3 KB before gzip).
  void import("./sync-chunk").then(
    (chunk) => chunk.requestBackgroundSync(),
    () => undefined,
  );
  void syncNow();
  // The first answer is safe: a cold visit's page may now fetch workbox-window to look for updates.
  void watchForUpdates().catch(() => undefined);
  return { kind: "saved", id: response.id };
}

export type Delivery = "saved" | "sent" | "held";

/** Where one saved response stands: still on the device, acknowledged, or held back with a reason. */
export async function deliveryOf(id: string): Promise<Delivery> {
  const outbox = await getOutbox();
  const record = (await outbox.list()).find((r) => r.id === id);
  if (!record || record.state === "pending") return "saved";
  return record.state === "sent" ? "sent" : "held";
}
