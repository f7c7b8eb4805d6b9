import type { SurveyDefinition } from "./definition";
import { tokyoDay } from "./tokyo-day";

/**
 * Where a Tokyo calendar day falls in a survey's answer period (`opens` to `closes`, both days
 * included; either may be absent): `before` it opens, `open`, or `closed` after the close day.
 */
export type AnswerPeriod = "before" | "open" | "closed";

/** `day` as YYYY-MM-DD in Tokyo; YYYY-MM-DD strings compare as the days they name. */
export function answerPeriodOn(def: Pick<SurveyDefinition, "opens" | "closes">, day: string): AnswerPeriod {
  if (def.opens && day < def.opens) return "before";
  if (def.closes && day > def.closes) return "closed";
  return "open";
}

/** The period at an instant: its calendar day in Asia/Tokyo, whatever the device's own zone. */
export function answerPeriodAt(
  def: Pick<SurveyDefinition, "opens" | "closes">,
  instant: string | Date,
): AnswerPeriod {
  return answerPeriodOn(def, tokyoDay(instant));
}
