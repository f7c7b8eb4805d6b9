import { useState } from "preact/hooks";
import { loadSurvey } from "../../collector/surveys";
import { LoadError } from "../../components/load-error";
import { Loading } from "../../components/loading";
import { useResource } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import type { DashboardSection } from "../../router/routes";
import { BackupUpload } from "../backup-upload";
import { EventsSection } from "../events/events-section";
import { InvitationsSection } from "../invitations/invitations-section";
import { PaperDisputesSection } from "../paper-disputes-section";
import { ResponseCountsSection } from "../response-counts-section";
import { PublicResultsSection } from "../results/public-results-section";
import { ReviewSection } from "../review-section";
import { TalliesView } from "../tallies-view";
import { TrendSection } from "../trend-section";
import { NewSurveySection } from "../versions/new-survey-section";
import { VersionsSection } from "../versions/versions-section";
import { WeightsUpload } from "../weights-upload";

interface Props {
  section: DashboardSection;
  /** Undefined while the collector holds no survey: only a new one can be published then. */
  surveyId: string | undefined;
  onUnauthorized(): void;
  /** A new survey is published: the picker lists it. */
  onSurveysChanged(): void;
  /** Switch the dashboard to this survey. */
  onOpenSurvey(surveyId: string): void;
}

/** One survey's screen of the dashboard: its definition loaded once, the section's parts under it. */
export function SurveyScreen(props: Props) {
  const { locale } = useLocale();
  const [def, retry] = useResource(
    () => (props.surveyId ? loadSurvey(props.surveyId) : Promise.resolve(undefined)),
    props.surveyId ?? "",
  );
  // Bumped when a review moves responses in or out of the count: the counts load again.
  const [reviewed, setReviewed] = useState(0);
  if (def.status === "loading") return <Loading />;
  if (def.status === "failed") return <LoadError onRetry={retry} />;
  const survey = def.value;
  const onUnauthorized = props.onUnauthorized;
  const newSurvey = (
    <NewSurveySection
      onUnauthorized={onUnauthorized}
      onPublished={props.onSurveysChanged}
      onOpen={props.onOpenSurvey}
    />
  );
  if (!survey) return props.section === "surveys" ? newSurvey : null;

  switch (props.section) {
    case "indicators":
      return <TalliesView def={survey} onUnauthorized={onUnauthorized} />;
    case "trend":
      return <TrendSection def={survey} onUnauthorized={onUnauthorized} />;
    case "responses":
      return (
        <>
          <ResponseCountsSection
            key={`counts-${reviewed}`}
            surveyId={survey.id}
            onUnauthorized={onUnauthorized}
          />
          <ReviewSection
            surveyId={survey.id}
            onUnauthorized={onUnauthorized}
            onChanged={() => setReviewed((n) => n + 1)}
          />
          <PaperDisputesSection def={survey} onUnauthorized={onUnauthorized} />
        </>
      );
    case "population":
      return (
        <WeightsUpload
          surveyId={survey.id}
          locale={locale}
          onChanged={() => {}}
          onUnauthorized={onUnauthorized}
        />
      );
    case "events":
      return (
        <>
          <EventsSection def={survey} onUnauthorized={onUnauthorized} />
          <BackupUpload onUnauthorized={onUnauthorized} />
        </>
      );
    case "surveys":
      return (
        <>
          <VersionsSection def={survey} onUnauthorized={onUnauthorized} />
          {newSurvey}
        </>
      );
    case "sample":
      return <InvitationsSection def={survey} onUnauthorized={onUnauthorized} />;
    case "results":
      return <PublicResultsSection def={survey} onUnauthorized={onUnauthorized} />;
    default:
      return null;
  }
}
