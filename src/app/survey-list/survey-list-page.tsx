import { useEffect } from "preact/hooks";
import { localize } from "../../domain/locales";
import { isReactionsSurvey } from "../../domain/reactions";
import { t } from "../../i18n";
import { loadSurveyIndex } from "../collector/surveys";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { navigate } from "../router/history";
import { Link } from "../router/link";
import { surveyPath } from "../router/routes";

/** "/": the surveys on offer, or straight into the only one (a flyer's QR code should open the form). */
export function SurveyListPage() {
  const { locale } = useLocale();
  const [index, retry] = useResource(loadSurveyIndex, "index");
  // A results page's reactions survey is answered from that page, never offered here.
  const offered = index.status === "ready" ? index.value.filter((s) => !isReactionsSurvey(s.id)) : [];
  const only = offered.length === 1 ? offered[0] : undefined;
  useEffect(() => {
    if (only) navigate(surveyPath(only.id), { replace: true });
  }, [only]);

  if (index.status === "loading" || only) return <Loading />;
  if (index.status === "failed") return <LoadError onRetry={retry} />;
  return (
    <div class="page">
      <h1>{t("list.title")}</h1>
      {offered.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul class="survey-list">
          {offered.map((s) => (
            <li key={s.id}>
              <Link href={surveyPath(s.id)} class="survey-list__link">
                {localize(s.title, locale)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {/* Staff reach the device's settings on purpose, from here or the dashboard; not from every resident screen. */}
      <p class="page-footer">
        <Link href="/settings" class="tap-link">
          {t("list.settings")}
        </Link>
      </p>
    </div>
  );
}
