import { useRef, useState } from "preact/hooks";
import type { SurveyDefinition } from "../../domain/definition";
import { hasTextsIn } from "../../domain/definition-in";
import { arrivedSurvey, loadSurvey } from "../collector/surveys";
import { type Resource, useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";

/**
 * A survey's definition in the respondent's language (a sixth of the whole file, on the first
 * load). A switch to another language mid-form brings the whole definition in, once, under the same
 * form, so no answer is lost; until it is there, or if it cannot come (offline and not cached), the
 * texts show in Japanese, the fallback every file carries.
 */
export function useSurveyDefinition(surveyId: string): [Resource<SurveyDefinition>, () => void] {
  const { locale } = useLocale();
  const [firstLocale] = useState(locale);
  const [part, retry] = useResource(() => loadSurvey(surveyId, firstLocale), surveyId, {
    ready: () => arrivedSurvey(surveyId, firstLocale),
  });
  // Once asked for, the whole file stays: a switch back to the first language keeps it.
  const wholeOf = useRef<string | undefined>(undefined);
  if (part.status === "ready" && !hasTextsIn(part.value, locale)) wholeOf.current = surveyId;
  const [whole] = useResource(
    () => loadSurvey(surveyId),
    wholeOf.current === surveyId ? surveyId : undefined,
  );
  return [whole.status === "ready" && part.status === "ready" ? whole : part, retry];
}
