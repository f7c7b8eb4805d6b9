import {
  type Answers,
  describeProblems,
  fiscalYear,
  type ItemResult,
  type KioskDevice,
  problemsOf,
  Response,
  type SurveyDefinition,
  validateResponse,
} from "../../survey";
import type { NewResponse } from "../storage";
import type { SurveyRegistry } from "../surveys";
import { contentHashOf } from "./content-hash";

/** One item of a batch after its checks: ready to store, or rejected with its reason. */
export type Judged = { ok: true; row: NewResponse } | { ok: false; result: ItemResult };

/**
 * Checks one item on its own, so a bad item never sinks the batch: the Response schema, then the
 * definition of the version it names, then the answers against that definition. A kiosk response
 * sent with a device token must name that token's device and event.
 */
export function judgeItem(item: unknown, surveys: SurveyRegistry, device?: KioskDevice): Judged {
  const id = idOf(item);
  const reject = (error: string): Judged => ({ ok: false, result: { id, status: "rejected", error } });
  const parsed = Response.safeParse(item);
  if (!parsed.success) return reject(describeProblems(problemsOf(parsed.error)));
  const response = parsed.data;
  if (device && response.mode === "kiosk") {
    if (response.deviceId !== device.id)
      return reject(`deviceId: "${response.deviceId ?? ""}" is not the device of the token sent`);
    if (response.eventId !== device.eventId)
      return reject(`eventId: "${response.eventId ?? ""}" is not the event of the token's device`);
  }
  const def = surveys.get(response.surveyId, response.surveyVersion);
  if (!def) {
    if (!surveys.latestOf(response.surveyId))
      return reject(`surveyId: "${response.surveyId}" is not a survey of this collector`);
    return reject(`surveyVersion: survey "${response.surveyId}" has no version ${response.surveyVersion}`);
  }
  const problems = validateResponse(def, response);
  if (problems.length > 0) return reject(describeProblems(problems));
  return {
    ok: true,
    row: {
      response,
      wave: fiscalYear(response.submittedAt),
      contentHash: contentHashOf(response),
      choices: choicesOf(def, response.answers),
    },
  };
}

/** The id as sent, as a string, so the device can match even a rejected item to its record. */
function idOf(item: unknown): string {
  const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  if (typeof id === "string") return id;
  if (typeof id === "number" || typeof id === "boolean") return String(id);
  return "";
}

function choicesOf(def: SurveyDefinition, answers: Answers): NewResponse["choices"] {
  const choices: { questionId: string; optionId: string }[] = [];
  for (const q of def.questions) {
    const a = answers[q.id];
    if (q.kind === "single" && typeof a === "string") choices.push({ questionId: q.id, optionId: a });
    if (q.kind === "multiple" && Array.isArray(a))
      for (const optionId of a) choices.push({ questionId: q.id, optionId });
  }
  return choices;
}
