import { useEffect, useState } from "preact/hooks";
import type { SurveySummary } from "../../contract/surveys";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { useLocale } from "../locale-context";

/** The survey a staff screen works on: the first of `surveys` until another is picked. */
export function usePickedSurvey(
  surveys: readonly SurveySummary[] | undefined,
): [string | undefined, (surveyId: string) => void] {
  const [surveyId, setSurveyId] = useState<string | undefined>();
  useEffect(() => {
    if (surveys && !surveyId) setSurveyId(surveys[0]?.id);
  }, [surveys, surveyId]);
  return [surveyId, setSurveyId];
}

/** A choice among the surveys, shown only where there is more than one (the dashboard, paper entry). */
export function SurveyPicker({
  surveys,
  surveyId,
  onPick,
}: {
  surveys: readonly SurveySummary[];
  surveyId: string | undefined;
  onPick(surveyId: string): void;
}) {
  const { locale } = useLocale();
  if (surveys.length < 2) return null;
  return (
    <label class="control">
      <span class="field-label">{t("dashboard.survey")}</span>
      <select value={surveyId} onChange={(event) => onPick(event.currentTarget.value)}>
        {surveys.map((s) => (
          <option key={s.id} value={s.id}>
            {localize(s.title, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
