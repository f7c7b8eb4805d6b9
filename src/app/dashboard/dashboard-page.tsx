import { useEffect, useState } from "preact/hooks";
import type { SurveySummary } from "../../contract/surveys";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { isSignedIn, signOut } from "../collector/session";
import { loadSurvey, loadSurveyIndex } from "../collector/surveys";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { latest, useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { Link } from "../router/link";
import { BackupUpload } from "./backup-upload";
import { EventsSection } from "./events/events-section";
import { InvitationsSection } from "./invitations/invitations-section";
import { ResponseCountsSection } from "./response-counts-section";
import { ReviewSection } from "./review-section";
import { TalliesView } from "./tallies-view";
import { TokenForm } from "./token-form";
import { NewSurveySection } from "./versions/new-survey-section";
import { VersionsSection } from "./versions/versions-section";

type Session = "checking" | "signed-in" | "signed-out" | "expired";

/**
 * "/dashboard": the organizer's view. Sign-in trades the token for an HttpOnly session cookie, so
 * the browser keeps no token; a 401 later (session over) asks for it again.
 */
export function DashboardPage() {
  useLocale();
  const [session, setSession] = useState<Session>("checking");
  useEffect(() => {
    isSignedIn().then(
      (yes) => setSession(yes ? "signed-in" : "signed-out"),
      () => setSession("signed-out"),
    );
  }, []);
  const expired = () => setSession("expired");
  const leave = async () => {
    await signOut().catch(() => {});
    setSession("signed-out");
  };

  return (
    <div class="page dashboard">
      <div class="dashboard__heading">
        <h1>{t("dashboard.title")}</h1>
        {session === "signed-in" && (
          <button type="button" class="button button--small button--quiet" onClick={() => void leave()}>
            {t("organizer.signOut")}
          </button>
        )}
      </div>
      {session === "checking" && <Loading />}
      {(session === "signed-out" || session === "expired") && (
        <TokenForm rejected={session === "expired"} onSignedIn={() => setSession("signed-in")} />
      )}
      {session === "signed-in" && (
        <>
          <SurveyPicker onUnauthorized={expired} />
          <BackupUpload onUnauthorized={expired} />
        </>
      )}
      {/* Signed in or not: staff setting up a device need its endpoint, storage and backup, not the tallies. */}
      <p class="page-footer">
        <Link href="/settings" class="tap-link">
          {t("dashboard.deviceSettings")}
        </Link>
      </p>
    </div>
  );
}

function SurveyPicker({ onUnauthorized }: { onUnauthorized(): void }) {
  const { locale } = useLocale();
  // Kept while it loads again after a new survey is published: the page stays as it is meanwhile.
  const [index, retry] = useResource(loadSurveyIndex, "index", { keep: true });
  const surveys = latest(index);
  const [surveyId, setSurveyId] = useState<string | undefined>();
  useEffect(() => {
    if (surveys && !surveyId) setSurveyId(surveys[0]?.id);
  }, [surveys, surveyId]);

  if (!surveys) return index.status === "failed" ? <LoadError onRetry={retry} /> : <Loading />;
  return (
    <>
      {surveys.length === 0 && <p>{t("list.empty")}</p>}
      {surveys.length > 1 && (
        <label class="control">
          <span class="field-label">{t("dashboard.survey")}</span>
          <select value={surveyId} onChange={(event) => setSurveyId(event.currentTarget.value)}>
            {surveys.map((s: SurveySummary) => (
              <option key={s.id} value={s.id}>
                {localize(s.title, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      {surveyId && <SurveyTallies key={surveyId} surveyId={surveyId} onUnauthorized={onUnauthorized} />}
      <NewSurveySection onUnauthorized={onUnauthorized} onPublished={retry} onOpen={setSurveyId} />
    </>
  );
}

function SurveyTallies(props: { surveyId: string; onUnauthorized(): void }) {
  const [def, retry] = useResource(() => loadSurvey(props.surveyId), props.surveyId);
  // Bumped when a review moves responses in or out of the count: the tallies and counts load again.
  const [reviewed, setReviewed] = useState(0);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return (
    <>
      <TalliesView key={`tallies-${reviewed}`} def={def.value} onUnauthorized={props.onUnauthorized} />
      <ResponseCountsSection
        key={`counts-${reviewed}`}
        surveyId={def.value.id}
        onUnauthorized={props.onUnauthorized}
      />
      <ReviewSection
        surveyId={def.value.id}
        onUnauthorized={props.onUnauthorized}
        onChanged={() => setReviewed((n) => n + 1)}
      />
      <EventsSection def={def.value} onUnauthorized={props.onUnauthorized} />
      <InvitationsSection def={def.value} onUnauthorized={props.onUnauthorized} />
      <VersionsSection def={def.value} onUnauthorized={props.onUnauthorized} />
    </>
  );
}
