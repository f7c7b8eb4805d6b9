/**
 * Residents' reactions to published results (issue 23) are the responses of a small survey of
 * their own, beside the survey whose results they read: "<survey>-reactions".
 */
export const REACTIONS_SUFFIX = "-reactions";

export const reactionsSurveyId = (surveyId: string) => `${surveyId}${REACTIONS_SUFFIX}`;

/** A reactions survey is answered from a results page, never offered in the list of surveys. */
export const isReactionsSurvey = (surveyId: string) => surveyId.endsWith(REACTIONS_SUFFIX);

/** Its questions: which indicator, which results year (option "fy2026"), helpful or not, a comment. */
export const REACTION_QUESTIONS = {
  indicator: "q_indicator",
  wave: "q_results_wave",
  helpful: "q_helpful",
  comment: "q_comment",
} as const;

export const waveOption = (wave: number) => `fy${wave}`;
