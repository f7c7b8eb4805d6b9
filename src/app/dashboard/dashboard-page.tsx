import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import type { SurveySummary } from "../../survey";
import { localize } from "../../survey/locales";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { forgetOrganizerToken, readOrganizerToken, saveOrganizerToken } from "../services/organizer-token";
import { loadSurvey, loadSurveyIndex } from "../services/surveys";
import { BackupUpload } from "./backup-upload";
import { EventsSection } from "./events/events-section";
import { TalliesView } from "./tallies-view";
import { TokenForm } from "./token-form";

/** "/dashboard": the organizer's view. Needs the bearer token; a 401 asks for it again. */
export function DashboardPage() {
  useLocale();
  const [token, setToken] = useState(readOrganizerToken);
  const [rejected, setRejected] = useState(false);

  const forget = () => {
    forgetOrganizerToken();
    setToken(undefined);
  };

  return (
    <div class="page dashboard">
      <div class="dashboard__heading">
        <h1>{t("dashboard.title")}</h1>
        {token && (
          <button type="button" class="button button--small button--quiet" onClick={forget}>
            {t("dashboard.forgetToken")}
          </button>
        )}
      </div>
      {token ? (
        <SurveyPicker
          token={token}
          onUnauthorized={() => {
            forget();
            setRejected(true);
          }}
        />
      ) : (
        <TokenForm
          rejected={rejected}
          onToken={(value) => {
            saveOrganizerToken(value);
            setRejected(false);
            setToken(value);
          }}
        />
      )}
      {token && (
        <BackupUpload
          token={token}
          onUnauthorized={() => {
            forget();
            setRejected(true);
          }}
        />
      )}
    </div>
  );
}

function SurveyPicker({ token, onUnauthorized }: { token: string; onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [index, retry] = useResource(loadSurveyIndex, "index");
  const [surveyId, setSurveyId] = useState<string | undefined>();
  useEffect(() => {
    if (index.status === "ready" && !surveyId) setSurveyId(index.value[0]?.id);
  }, [index, surveyId]);

  if (index.status === "loading") return <Loading />;
  if (index.status === "failed") return <LoadError onRetry={retry} />;
  if (index.value.length === 0) return <p>{t("list.empty")}</p>;
  return (
    <>
      {index.value.length > 1 && (
        <label class="control">
          <span class="field-label">{t("dashboard.survey")}</span>
          <select value={surveyId} onChange={(event) => setSurveyId(event.currentTarget.value)}>
            {index.value.map((s: SurveySummary) => (
              <option key={s.id} value={s.id}>
                {localize(s.title, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      {surveyId && (
        <SurveyTallies key={surveyId} surveyId={surveyId} token={token} onUnauthorized={onUnauthorized} />
      )}
    </>
  );
}

function SurveyTallies(props: { surveyId: string; token: string; onUnauthorized(): void }) {
  const [def, retry] = useResource(() => loadSurvey(props.surveyId), props.surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return (
    <>
      <TalliesView def={def.value} token={props.token} onUnauthorized={props.onUnauthorized} />
      <EventsSection def={def.value} token={props.token} onUnauthorized={props.onUnauthorized} />
    </>
  );
}
