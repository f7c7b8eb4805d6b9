import type { SurveyDefinition } from "../survey";
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

/** `?by=q_age`: a single-choice question of the survey to break the indicators down by. */
export function parseBy(raw: string | undefined, def: SurveyDefinition): string | null {
  if (raw === undefined || raw === "") return null;
  const q = def.questions.find((question) => question.id === raw);
  if (q?.kind !== "single")
    throw new HttpProblem(
      "invalid_query",
      `by must be a single-choice question of "${def.id}", not "${raw}"`,
      [{ path: "by", message: q ? `"${raw}" is a ${q.kind} question` : `"${raw}" is not a question` }],
    );
  return raw;
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
