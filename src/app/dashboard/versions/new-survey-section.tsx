import type { PublishedVersion } from "../../../contract/versions";
import type { SurveyDefinition } from "../../../domain/definition";
import { LANGUAGE_NAMES, localize } from "../../../domain/locales";
import { t } from "../../../i18n";
import { checkNewSurvey, publishNewSurvey } from "../../collector/versions-api";
import { useLocale } from "../../locale-context";
import { SurveyPreview } from "./survey-preview";
import { CheckedPart, CheckRefusal, WorkbookFileForm } from "./upload-parts";
import { useWorkbookUpload } from "./use-workbook-upload";
import "./versions.css";

/**
 * "New survey": a workbook published as a survey of its own (POST /surveys), the way a next version
 * is: checked first (every problem at its cell, or what the survey is and a preview of its screens),
 * published on Publish. A workbook whose id is taken is that survey's next version, not a new one.
 */
export function NewSurveySection({
  onUnauthorized,
  onPublished,
  onOpen,
}: {
  onUnauthorized(): void;
  /** The survey is out: the page lists it. */
  onPublished(published: PublishedVersion): void;
  /** Switch the page to the survey just published. */
  onOpen(surveyId: string): void;
}) {
  const { locale } = useLocale();
  const workbook = useWorkbookUpload({
    check: checkNewSurvey,
    publish: publishNewSurvey,
    conflict: { code: "survey_exists", atCheck: true },
    onUnauthorized,
    onPublished,
  });
  const upload = workbook.upload;
  // The title of what was checked, kept for the sentence once it is published.
  const checked = upload.phase === "checked" ? upload.result.definition : undefined;

  return (
    <section class="dashboard-section new-survey" aria-labelledby="new-survey-title">
      <h2 id="new-survey-title">{t("newSurvey.title")}</h2>
      <p class="hint">{t("newSurvey.lead")}</p>
      <WorkbookFileForm id="new-survey-file" label={t("newSurvey.file")} upload={workbook} />
      <CheckRefusal upload={workbook} />
      {upload.phase === "conflict" && (
        <p class="notice notice--error" role="alert" data-testid="new-survey-exists">
          {t("newSurvey.exists")}
        </p>
      )}
      {upload.phase === "published" && (
        <div class="notice" role="status" data-testid="new-survey-published">
          <p>{t("newSurvey.published", { id: upload.published.surveyId })}</p>
          <p>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => onOpen(upload.published.surveyId)}
            >
              {t("newSurvey.open", { id: upload.published.surveyId })}
            </button>
          </p>
        </div>
      )}
      {checked && (
        <div class="versions__checked" data-testid="workbook-checked">
          <h3>{t("newSurvey.checkedTitle")}</h3>
          <SurveySummaryList def={checked} locale={locale} />
          <CheckedPart upload={workbook} label={t("newSurvey.publish")}>
            <SurveyPreview def={checked} />
          </CheckedPart>
        </div>
      )}
    </section>
  );
}

/** What the workbook would publish, in a few lines: enough to tell it is the survey meant. */
function SurveySummaryList({ def, locale }: { def: SurveyDefinition; locale: string }) {
  const rows: [string, string][] = [
    [t("newSurvey.surveyTitle"), localize(def.title, locale)],
    [t("newSurvey.id"), def.id],
    [t("newSurvey.languages"), def.locales.map((l) => LANGUAGE_NAMES[l]).join(", ")],
    [t("newSurvey.questions"), String(def.questions.length)],
    [t("newSurvey.indicators"), String(def.indicators.length)],
  ];
  return (
    <dl class="new-survey__summary" data-testid="new-survey-summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
