import { type SurveyDefinition, SurveyId } from "../../domain/definition";
import type { Locale } from "../../domain/locales";
import { BLANK_TREATMENTS, type BlankTreatment } from "../../domain/weighting";
import type { GroupDimension } from "../storage/tally-storage";
import { HttpProblem } from "./problems";

/** `?wave=2025`: a fiscal year, or null (every wave) when absent. */
export function parseWave(raw: string | undefined): number | null {
  if (raw === undefined || raw === "") return null;
  if (!/^\d{4}$/.test(raw))
    throw new HttpProblem("invalid_query", `wave must be a fiscal year such as 2025, not "${raw}"`, [
      { path: "wave", message: "must be a four-digit fiscal year" },
    ]);
  return Number(raw);
}

/** `?blanks=exclude|keep`: what the weighted estimate does with a blank weighting answer. */
export function parseBlanks(raw: string | undefined): BlankTreatment {
  if (raw === undefined || raw === "") return "exclude";
  const known = BLANK_TREATMENTS.find((b) => b === raw);
  if (!known)
    throw new HttpProblem("invalid_query", `blanks must be ${BLANK_TREATMENTS.join(" or ")}, not "${raw}"`, [
      { path: "blanks", message: `must be ${BLANK_TREATMENTS.join(" or ")}` },
    ]);
  return known;
}

/**
 * `?by=q_age`: a single-choice question of the survey to break the indicators down by, or `mode`
 * (self / kiosk) or `event` (the event a kiosk response came from). These two names are reserved:
 * they mean the response's own fields even if a survey has a question of that id.
 */
export function parseBy(
  raw: string | undefined,
  def: SurveyDefinition,
): { by: string; dimension: GroupDimension } | null {
  if (raw === undefined || raw === "") return null;
  if (raw === "mode" || raw === "event") return { by: raw, dimension: { kind: raw } };
  const q = def.questions.find((question) => question.id === raw);
  if (q?.kind !== "single")
    throw new HttpProblem(
      "invalid_query",
      `by must be mode, event or a single-choice question of "${def.id}", not "${raw}"`,
      [{ path: "by", message: q ? `"${raw}" is a ${q.kind} question` : `"${raw}" is not a question` }],
    );
  return { by: raw, dimension: { kind: "question", questionId: raw } };
}

/**
 * `?question=q_sources`: a multiple-choice question of the survey. Not a single-choice one: its
 * per-option counts would publish every group's size unsuppressed, a margin the breakdowns hide.
 */
export function parseChoiceQuestion(raw: string | undefined, def: SurveyDefinition): string {
  const q = def.questions.find((question) => question.id === raw);
  if (q?.kind !== "multiple")
    throw new HttpProblem(
      "invalid_query",
      `question must be a multiple-choice question of "${def.id}", not "${raw ?? ""}"`,
      [
        {
          path: "question",
          message: !raw
            ? "is required"
            : q
              ? `"${raw}" is a ${q.kind} question`
              : `"${raw}" is not a question`,
        },
      ],
    );
  return q.id;
}

/** `?surveyId=ward-resident`: a survey id, or null (every survey) when absent. */
export function parseSurveyId(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null;
  const parsed = SurveyId.safeParse(raw);
  if (!parsed.success)
    throw new HttpProblem("invalid_query", `surveyId must be a survey id, not "${raw}"`, [
      { path: "surveyId", message: parsed.error.issues[0]?.message ?? "invalid" },
    ]);
  return parsed.data;
}

/** `?version=2`: a positive integer, or undefined for the latest. */
export function parseVersion(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new HttpProblem("invalid_query", `version must be a positive whole number, not "${raw}"`, [
      { path: "version", message: "must be a positive whole number" },
    ]);
  return Number(raw);
}

/**
 * `?labels=ja`: a language of the survey to write option labels and short question labels in,
 * beside the ids (CSV downloads), or null (ids alone) when absent. Only one the survey is written
 * in: a label in another would silently be the Japanese.
 */
export function parseLabels(raw: string | undefined, def: SurveyDefinition): Locale | null {
  if (raw === undefined || raw === "") return null;
  const locale = def.locales.find((l) => l === raw);
  if (!locale)
    throw new HttpProblem(
      "unknown_locale",
      `labels must be a language of "${def.id}" (${def.locales.join(", ")}), not "${raw}"`,
      [{ path: "labels", message: `must be one of ${def.locales.join(", ")}` }],
    );
  return locale;
}
