import { t } from "../../../i18n";
import { loadSurveyIndex } from "../../collector/surveys";
import { LoadError } from "../../components/load-error";
import { Loading } from "../../components/loading";
import { latest, useResource } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import type { DashboardSection } from "../../router/routes";
import { AccountSection } from "../account/account-section";
import { AccountsSection } from "../accounts/accounts-section";
import { AuditSection } from "../audit/audit-section";
import { SurveyPicker, usePickedSurvey } from "../survey-picker";
import { SECTION_ACCESS } from "./sections";
import { SurveyScreen } from "./survey-screen";

/**
 * The screen of a section: a survey's (with the survey picker above it) or the collector's own
 * (accounts, audit). The survey picked is kept here, above the screens, while one moves between them.
 */
export function Workspace(props: {
  section: DashboardSection;
  /** The signed-in account's id; none for the organizer token's session. */
  accountId: string | undefined;
  onUnauthorized(): void;
  onSignOut(): void;
}) {
  useLocale();
  // Kept while it loads again after a new survey is published: the page stays as it is meanwhile.
  const [index, retry] = useResource(loadSurveyIndex, "index", { keep: true });
  const surveys = latest(index);
  const [surveyId, setSurveyId] = usePickedSurvey(surveys);

  if (props.section === "accounts")
    return (
      <AccountsSection
        surveys={surveys ?? []}
        selfId={props.accountId}
        onUnauthorized={props.onUnauthorized}
      />
    );
  if (props.section === "audit") return <AuditSection onUnauthorized={props.onUnauthorized} />;
  if (props.section === "account")
    return <AccountSection onUnauthorized={props.onUnauthorized} onSignOut={props.onSignOut} />;
  if (!SECTION_ACCESS[props.section].perSurvey) return null;

  if (!surveys) return index.status === "failed" ? <LoadError onRetry={retry} /> : <Loading />;
  return (
    <>
      {surveys.length === 0 && <p>{t("list.empty")}</p>}
      <SurveyPicker surveys={surveys} surveyId={surveyId} onPick={setSurveyId} />
      <SurveyScreen
        key={surveyId}
        section={props.section}
        surveyId={surveyId}
        onUnauthorized={props.onUnauthorized}
        onSurveysChanged={retry}
        onOpenSurvey={setSurveyId}
      />
    </>
  );
}
