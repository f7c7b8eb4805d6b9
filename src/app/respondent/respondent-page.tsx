import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { SurveyForm } from "./survey-form";
import { useSurveyDefinition } from "./use-survey-definition";

/** "/s/:surveyId": the survey's form, once its definition is in (use-survey-definition.ts). */
export function RespondentPage({ surveyId }: { surveyId: string }) {
  const [def, retry] = useSurveyDefinition(surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <SurveyForm def={def.value} />;
}
