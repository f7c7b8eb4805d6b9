import type { SurveyScope } from "../../../contract/accounts";
import type { SurveySummary } from "../../../contract/surveys";
import { localize } from "../../../domain/locales";
import { t } from "../../../i18n";

/** An account's survey scope in words: "all surveys", or the surveys' titles (an id the collector no longer lists, as it is). */
export function scopeText(scope: SurveyScope, surveys: readonly SurveySummary[], locale = "ja"): string {
  if (scope === "all") return t("accounts.allSurveys");
  return scope
    .map((id) => {
      const survey = surveys.find((s) => s.id === id);
      return survey ? localize(survey.title, locale) : id;
    })
    .join(", ");
}
