import type { Option } from "./definition";
import { type Estimate, wilson } from "./tally";

export interface OptionShare extends Estimate {
  optionId: string;
}

/**
 * The share choosing each option of a multiple-choice question. The base is the respondents who
 * answered the question, not the number of ticks: with ticks as the base, shares would sum to 100%
 * and fall as people tick more, the error SurveyJS's dashboard once shipped.
 */
export function choiceShares(
  options: readonly Pick<Option, "id">[],
  chosen: Readonly<Record<string, number>>,
  respondents: number,
): OptionShare[] {
  return options.map((o) => {
    const positive = chosen[o.id] ?? 0;
    return {
      optionId: o.id,
      n: respondents,
      positive,
      percent: respondents > 0 ? (positive * 100) / respondents : null, // exact, as in estimate()
      ci95: wilson(positive, respondents),
    };
  });
}
