import { isBackupProblemCode, isProblemCode } from "../../contract/problem-codes";
import { t } from "../../i18n";
import { ApiError } from "../collector/organizer-fetch";

/** What the staff pages say of a collector's refusal: a sentence, and where, if it said where. */
export interface ProblemText {
  summary: string;
  /** Each problem's place, with the collector's English for what it found there. */
  details: string[];
}

/**
 * A failed request to the collector in the reader's language. The sentence comes from the error's
 * stable code (and, for a refused backup, its first problem's code); the collector's English is
 * shown only where the app knows no code (a newer collector's), and as the detail of a problem
 * whose place matters (a backup's field, a CSV's line), after the localized sentence.
 */
export function collectorProblem(error: unknown): ProblemText {
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the collector cannot be reached at all.
    if (error instanceof TypeError) return { summary: t("collectorProblem.network"), details: [] };
    return { summary: t("collectorProblem.unexpected"), details: [String(error)] };
  }
  const first = error.problems[0];
  if (error.code === "invalid_backup" && isBackupProblemCode(first?.code)) {
    const summary = t(`collectorProblem.backup.${first.code}`, { path: first.path });
    // A damaged field's place and what is wrong with it is worth the English; the other reasons'
    // sentences already say everything their English says.
    const fields = error.problems.filter((p) => p.code === "invalid_field");
    return { summary, details: fields.map((p) => `${p.path}: ${p.message}`) };
  }
  if (isProblemCode(error.code))
    return {
      summary: t(`collectorProblem.${error.code}`),
      details: error.problems.map((p) => `${p.path}: ${p.message}`),
    };
  if (error.code === undefined && error.status !== undefined)
    return { summary: t("collectorProblem.http", { status: String(error.status) }), details: [] };
  return { summary: error.message, details: error.problems.map((p) => `${p.path}: ${p.message}`) };
}

// A full-width colon (Japanese, Chinese) already holds its own space: another looked like a gap.
const joined = (lead: string, sentence: string) =>
  lead.endsWith("：") ? `${lead}${sentence}` : `${lead} ${sentence}`;

/** The sentence (after `lead`, the screen's own "not stored:"), then the places as a list. */
export function ProblemDetails({ problem, lead }: { problem: ProblemText; lead?: string }) {
  return (
    <>
      <p>{lead ? joined(lead, problem.summary) : problem.summary}</p>
      {problem.details.length > 0 && (
        <ul class="problem-details">
          {problem.details.map((detail, i) => (
            <li key={`${i}:${detail}`}>{detail}</li>
          ))}
        </ul>
      )}
    </>
  );
}
