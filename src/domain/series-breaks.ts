import type { Indicator, Question, SurveyDefinition } from "./definition";
import { sameIds } from "./definition-changes";

/**
 * Why an indicator's percentages before and after a new version do not measure the same thing.
 * Rewording a question or relabelling an option is not a reason: the answers still mean what they
 * meant (DESIGN "Indicator math": a change in the indicator's definition breaks the series).
 */
export type BreakReason =
  | { reason: "question_changed"; from: string; to: string }
  | { reason: "options_changed"; questionId: string; added: string[]; removed: string[] }
  | { reason: "positive_changed"; from: string[]; to: string[] }
  | { reason: "excluded_changed"; from: string[]; to: string[] };

/** One indicator kept by id across two versions: whether its series breaks there, and why. */
export type SeriesBreak = { indicatorId: string; breaks: boolean; reasons: BreakReason[] };

/**
 * For each indicator both versions define (same id), in `next`'s order, whether the trend and
 * tallies.csv must mark a break between them. Indicators added or removed have no series to break.
 */
export function seriesBreaks(previous: SurveyDefinition, next: SurveyDefinition): SeriesBreak[] {
  const before = new Map(previous.indicators.map((indicator) => [indicator.id, indicator]));
  return next.indicators.flatMap((indicator) => {
    const old = before.get(indicator.id);
    if (!old) return [];
    const reasons = breakReasons(old, indicator, previous.questions, next.questions);
    return [{ indicatorId: indicator.id, breaks: reasons.length > 0, reasons }];
  });
}

function breakReasons(
  a: Indicator,
  b: Indicator,
  previousQuestions: readonly Question[],
  nextQuestions: readonly Question[],
): BreakReason[] {
  const reasons: BreakReason[] = [];
  if (a.questionId !== b.questionId)
    reasons.push({ reason: "question_changed", from: a.questionId, to: b.questionId });
  else {
    // Another question's options say nothing about this one's: only a kept question is compared.
    const from = optionIds(previousQuestions, a.questionId);
    const to = optionIds(nextQuestions, b.questionId);
    const added = to.filter((id) => !from.includes(id));
    const removed = from.filter((id) => !to.includes(id));
    if (added.length > 0 || removed.length > 0)
      reasons.push({ reason: "options_changed", questionId: b.questionId, added, removed });
  }
  if (!sameIds(a.positive, b.positive))
    reasons.push({ reason: "positive_changed", from: a.positive, to: b.positive });
  if (!sameIds(a.excludeFromBase, b.excludeFromBase))
    reasons.push({ reason: "excluded_changed", from: a.excludeFromBase, to: b.excludeFromBase });
  return reasons;
}

/** The option ids of question `id`; none for a question that is missing or has no options. */
function optionIds(questions: readonly Question[], id: string): string[] {
  const question = questions.find((q) => q.id === id);
  return question && (question.kind === "single" || question.kind === "multiple")
    ? question.options.map((o) => o.id)
    : [];
}
