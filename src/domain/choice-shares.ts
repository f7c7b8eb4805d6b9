import "./zod-config";
import { z } from "zod/mini";
import type { Option } from "./definition";
import { Estimate, wilson } from "./tally";

/** One option's share: `positive` of the `n` respondents who answered the question. */
export const OptionShare = z.extend(Estimate, { optionId: z.string() });
export type OptionShare = z.infer<typeof OptionShare>;

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
