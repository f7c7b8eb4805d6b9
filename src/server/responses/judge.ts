import type { SurveyScope } from "../../contract/accounts";
import type { KioskDevice } from "../../contract/events";
import type { ItemErrorCode } from "../../contract/problem-codes";
import type { ItemResult } from "../../contract/responses";
import { answerPeriodOn } from "../../domain/answer-period";
import { choiceQuestionIds, chosenOptions } from "../../domain/chosen-options";
import type { SurveyDefinition } from "../../domain/definition";
import { checkCharacter } from "../../domain/invitation-code";
import { describeProblems, problemsOf } from "../../domain/issues";
import { Response } from "../../domain/response";
import { isPlausibleSubmittedAt, waveOf } from "../../domain/review";
import { tokyoDay } from "../../domain/tokyo-day";
import { validateResponse } from "../../domain/validate";
import type { NewResponse } from "../storage/response-storage";
import type { SurveyRegistry } from "../surveys";
import { contentHashOf } from "./content-hash";

/** One item of a batch after its checks: ready to store, or rejected with its reason. */
export type Judged = { ok: true; row: NewResponse } | { ok: false; result: ItemResult };

/** Who sent a batch, as far as its checks care. */
export interface Sender {
  /** The kiosk device whose token the request carried. */
  device?: KioskDevice | undefined;
  /**
   * Kiosk responses may come without a device token: staff imported a device's backup file while
   * signed in, and the file's checksum ties the items together.
   */
  staffImport?: boolean;
  /**
   * The signed-in account that keyed paper forms (the data-entry screen's sync sends its session):
   * its login, stored beside each keying, and the surveys it works on.
   */
  keyer?: { login: string; surveys: SurveyScope } | undefined;
  /** When the batch arrived, by the collector's clock. */
  receivedAt: Date;
}

/**
 * Checks one item on its own, so a bad item never sinks the batch: the Response schema, then the
 * definition of the version it names, then the answers against that definition. A kiosk response
 * needs its device's token, and must name that token's device and event. One answered outside the
 * survey's period is refused. A response whose submittedAt cannot be true is stored held, in the
 * wave it arrived in.
 */
export function judgeItem(item: unknown, surveys: SurveyRegistry, sender: Sender): Judged {
  const { device } = sender;
  const id = idOf(item);
  // The code is what the device words in its reader's language; the English keeps the specifics.
  const reject = (code: ItemErrorCode, error: string): Judged => ({
    ok: false,
    result: { id, status: "rejected", code, error },
  });
  const parsed = Response.safeParse(item);
  if (!parsed.success) return reject("invalid_response", describeProblems(problemsOf(parsed.error)));
  // The code leaves the response here: neither its content hash nor its row ever holds it.
  const { invitation, ...response } = parsed.data;
  if (invitation !== undefined && checkCharacter(invitation) !== invitation.charAt(invitation.length - 1))
    return reject(
      "invitation_mistyped",
      "invitation: the code's last character does not match the ones before it (a typo); check the letter",
    );
  if (response.mode === "kiosk" && !device && !sender.staffImport)
    return reject(
      "kiosk_token_missing",
      "mode: a kiosk response needs its tablet's device token (Authorization: Bearer); enrol the tablet again from the dashboard",
    );
  if (device && response.mode === "kiosk") {
    if (response.deviceId !== device.id)
      return reject(
        "device_mismatch",
        `deviceId: "${response.deviceId ?? ""}" is not the device of the token sent`,
      );
    if (response.eventId !== device.eventId)
      return reject(
        "event_mismatch",
        `eventId: "${response.eventId ?? ""}" is not the event of the token's device`,
      );
  }
  const { keyer } = sender;
  // Anyone may answer online, but only staff key paper: else anyone could post "paper" answers.
  if (
    response.mode === "paper" &&
    (!keyer || (keyer.surveys !== "all" && !keyer.surveys.includes(response.surveyId)))
  )
    return reject(
      "paper_keyer_missing",
      `mode: a paper keying needs a signed-in account that works on survey "${response.surveyId}"`,
    );
  const def = surveys.get(response.surveyId, response.surveyVersion);
  if (!def) {
    if (!surveys.latestOf(response.surveyId))
      return reject("unknown_survey", `surveyId: "${response.surveyId}" is not a survey of this collector`);
    return reject(
      "unknown_version",
      `surveyVersion: survey "${response.surveyId}" has no version ${response.surveyVersion}`,
    );
  }
  const plausible = isPlausibleSubmittedAt(response.submittedAt, sender.receivedAt, def.publishedAt);
  // A paper form posted by the closing day is often keyed after it: its keying date says nothing.
  const outside =
    plausible && response.mode !== "paper" ? outsidePeriod(def, response.submittedAt) : undefined;
  if (outside) return reject(outside.code, outside.error);
  const problems = validateResponse(def, response);
  if (problems.length > 0) return reject("invalid_answers", describeProblems(problems));
  return {
    ok: true,
    row: {
      response,
      wave: waveOf(response.submittedAt, sender.receivedAt, def.publishedAt),
      contentHash: contentHashOf(response),
      choices: chosenOptions(choiceQuestionIds(def), response.answers),
      ...(response.mode === "paper" && { hold: "awaiting_second_keying" as const }),
      ...(!plausible && { hold: "clock" as const }),
      ...(response.mode === "paper" && keyer && { keyedBy: keyer.login }),
      ...(invitation !== undefined && { invitation }),
    },
  };
}

/**
 * Whether an answer was given outside the survey's period, by the Tokyo day of its submittedAt: the
 * moment the respondent pressed Submit, so an answer given on the close day is accepted however late
 * it arrives (a phone offline for a week, a kiosk's backlog). Asked only of a submittedAt that can be
 * believed (review.ts): a device clock that is wrong says nothing about when the answer was given,
 * and the arrival day would refuse a late but honest answer, so such an answer is never refused on
 * its date; it is stored held for its clock, where an analyst releases or excludes it.
 */
function outsidePeriod(
  def: SurveyDefinition,
  submittedAt: string,
): { code: "survey_not_open" | "survey_closed"; error: string } | undefined {
  const day = tokyoDay(submittedAt);
  switch (answerPeriodOn(def, day)) {
    case "before":
      return {
        code: "survey_not_open",
        error: `submittedAt: ${day} (Asia/Tokyo) is before the survey opens on ${def.opens}`,
      };
    case "closed":
      return {
        code: "survey_closed",
        error: `submittedAt: ${day} (Asia/Tokyo) is after the survey closed on ${def.closes}`,
      };
    case "open":
      return undefined;
  }
}

/** The id as sent, as a string, so the device can match even a rejected item to its record. */
function idOf(item: unknown): string {
  const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  if (typeof id === "string") return id;
  if (typeof id === "number" || typeof id === "boolean") return String(id);
  return "";
}
