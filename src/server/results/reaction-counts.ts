import { REACTION_QUESTIONS as Q, reactionsSurveyId, waveOption } from "../../domain/reactions";
import type { TallyStorage } from "../storage/tally-storage";

/**
 * How many residents reacted to each indicator of a wave's results: the reactions survey's counted
 * responses (only `counted`, as every tally) by indicator, within that results year.
 */
export async function reactionCounts(
  storage: Pick<TallyStorage, "countOptionsByGroups">,
  surveyId: string,
  wave: number,
): Promise<Map<string, number>> {
  const rows = await storage.countOptionsByGroups({
    surveyId: reactionsSurveyId(surveyId),
    wave: null,
    questionIds: [Q.indicator],
    by: [{ kind: "question", questionId: Q.wave }],
  });
  const counts = new Map<string, number>();
  for (const row of rows)
    if (row.groups[0] === waveOption(wave))
      counts.set(row.optionId, (counts.get(row.optionId) ?? 0) + row.count);
  return counts;
}
