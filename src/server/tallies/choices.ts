import type { ChoiceShares } from "../../contract/choices";
import { choiceShares } from "../../domain/choice-shares";
import type { Option, SurveyDefinition } from "../../domain/definition";
import type { TallyStorage } from "../storage/tally-storage";

/** Options of a question across every version, newest version's order first, then any seen only in data. */
function optionsOf(versions: readonly SurveyDefinition[], questionId: string, seen: Iterable<string>) {
  const ids: string[] = [];
  for (const def of versions) {
    const q = def.questions.find((question) => question.id === questionId);
    if (q && (q.kind === "single" || q.kind === "multiple"))
      for (const o of q.options as Option[]) if (!ids.includes(o.id)) ids.push(o.id);
  }
  for (const id of seen) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => ({ id }));
}

/**
 * The share of respondents choosing each option of a choice question. The base is the responses
 * that saw the question and answered it (at least one tick), so a multiple-choice question's
 * shares may sum to more than 100%, and a skipped or blank question counts in no base.
 */
export async function computeChoices(
  storage: Pick<TallyStorage, "countChoices">,
  versions: readonly SurveyDefinition[],
  query: { surveyId: string; wave: number | null; questionId: string },
): Promise<ChoiceShares> {
  const { chosen, respondents } = await storage.countChoices(query);
  return {
    surveyId: query.surveyId,
    wave: query.wave,
    questionId: query.questionId,
    respondents,
    options: choiceShares(optionsOf(versions, query.questionId, Object.keys(chosen)), chosen, respondents),
  };
}
