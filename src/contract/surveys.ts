import "../domain/zod-config";
import { z } from "zod/mini";
import { SurveyId } from "../domain/definition";
import { Locale, LocalizedText } from "../domain/locale";

/** A short listing of a survey, as GET /api/v1/surveys answers. */
export const SurveySummary = z.object({
  id: SurveyId,
  version: z.number().check(z.int()),
  title: LocalizedText,
  locales: z.array(Locale),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

/** GET /api/v1/surveys: every published survey, newest version each. */
export const SurveyList = z.object({ surveys: z.array(SurveySummary) });
export type SurveyList = z.infer<typeof SurveyList>;
