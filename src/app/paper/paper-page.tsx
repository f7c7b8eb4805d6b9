import { useEffect, useState } from "preact/hooks";
import { t } from "../../i18n";
import { sessionState } from "../collector/session";
import { loadSurvey, loadSurveyIndex } from "../collector/surveys";
import { LoadError } from "../components/load-error";
import { Loading } from "../components/loading";
import { TokenForm } from "../dashboard/token-form";
import { syncNow } from "../device/sync";
import { latest, useResource } from "../hooks/use-resource";
import { useLocale } from "../locale-context";
import { PaperEntry } from "./paper-entry";
import "./paper.css";
import { SurveyPicker, usePickedSurvey } from "../dashboard/survey-picker";

type Session = "checking" | "signed-in" | "signed-out" | "offline";

/**
 * "/paper": data entry of returned paper forms on an office PC. The keyings go through the outbox
 * and sync like every answer, with the clerk's session (the collector takes paper from staff
 * only), so a sign-in comes first; offline, the check cannot be made and keying goes on: the
 * outbox keeps the forms until the PC is online and signed in.
 */
export function PaperPage() {
  useLocale();
  const [session, setSession] = useState<Session>("checking");
  useEffect(() => {
    sessionState().then(
      (state) => setSession(state.signedIn ? "signed-in" : "signed-out"),
      () => setSession("offline"),
    );
  }, []);
  return (
    <div class="page paper-page">
      <h1>{t("paper.title")}</h1>
      {session === "checking" && <Loading />}
      {session === "signed-out" && (
        <TokenForm
          rejected={false}
          onSignedIn={() => {
            setSession("signed-in");
            // Keyings held back while signed out (the collector answered 401) go now.
            void syncNow();
          }}
        />
      )}
      {session === "offline" && <p class="paper-page__offline">{t("paper.offline")}</p>}
      {(session === "signed-in" || session === "offline") && <SurveyChoice />}
    </div>
  );
}

function SurveyChoice() {
  useLocale();
  const [index, retry] = useResource(loadSurveyIndex, "index");
  const surveys = latest(index);
  const [surveyId, setSurveyId] = usePickedSurvey(surveys);
  if (!surveys) return index.status === "failed" ? <LoadError onRetry={retry} /> : <Loading />;
  return (
    <>
      <SurveyPicker surveys={surveys} surveyId={surveyId} onPick={setSurveyId} />
      {surveyId && <SurveyEntry key={surveyId} surveyId={surveyId} />}
    </>
  );
}

function SurveyEntry({ surveyId }: { surveyId: string }) {
  const { locale } = useLocale();
  const [def, retry] = useResource(() => loadSurvey(surveyId), surveyId);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  return <PaperEntry def={def.value} locale={locale} />;
}
