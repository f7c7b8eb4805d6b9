import { useState } from "preact/hooks";
import type { SurveyDefinition } from "../../../domain/definition";
import { t } from "../../../i18n";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { checkWorkbook, fetchVersions, fetchWorkbook, publishWorkbook } from "../../collector/versions-api";
import { BusyButton } from "../../components/busy-button";
import { saveFile } from "../../device/save-file";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { useOrganizerResource } from "../use-organizer-resource";
import { ChangeList } from "./change-list";
import { SurveyPreview } from "./survey-preview";
import { CheckedPart, CheckRefusal, WorkbookFileForm } from "./upload-parts";
import { useWorkbookUpload } from "./use-workbook-upload";
import "./versions.css";

/**
 * "Questionnaire versions": the published versions and their changes, the current version's
 * workbook (the template for the next), and the next version's upload: checked first (every
 * problem at its cell, or the changes and a preview of the respondent's screens), published only
 * on Publish, which sends the same file again without the dry run.
 */
export function VersionsSection({ def, onUnauthorized }: { def: SurveyDefinition; onUnauthorized(): void }) {
  const { locale } = useLocale();
  const [list, reload] = useOrganizerResource(() => fetchVersions(def.id), def.id, onUnauthorized, {
    keep: true,
  });
  const versions = latest(list)?.versions;
  const current = versions?.[0]?.version ?? def.version;
  const [download, setDownload] = useState<"idle" | "loading" | "failed">("idle");
  const labels = (definitions: readonly SurveyDefinition[]) => ({ definitions, locale });

  const workbook = useWorkbookUpload({
    check: (file) => checkWorkbook(def.id, file),
    publish: (file) => publishWorkbook(def.id, file),
    // Someone published that version first: the list shows theirs, and the changes are against it.
    conflict: { code: "version_conflict", atCheck: false },
    onUnauthorized,
    onPublished: reload,
    onConflict: reload,
  });
  const upload = workbook.upload;

  const getWorkbook = async () => {
    setDownload("loading");
    try {
      saveFile(await fetchWorkbook(def.id), `${def.id}-v${current}.xlsx`);
      setDownload("idle");
    } catch (error) {
      if (error instanceof UnauthorizedError) onUnauthorized();
      else setDownload("failed");
    }
  };

  return (
    <section class="dashboard-section versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t("versions.title")}</h2>
      <p data-testid="versions-current">{t("versions.current", { version: String(current) })}</p>
      <p class="download-row">
        <BusyButton class="button button--secondary" busy={download === "loading"} onClick={getWorkbook}>
          {t("versions.download")}
        </BusyButton>
        {download === "loading" && <span role="status">{t("dashboard.downloading")}</span>}
        {download === "failed" && (
          <span class="field-error" role="alert">
            {t("versions.downloadFailed")}
          </span>
        )}
      </p>
      <p class="hint">{t("versions.downloadHelp")}</p>

      <WorkbookFileForm id="workbook-file" label={t("versions.file")} upload={workbook} />
      <CheckRefusal upload={workbook} />
      {upload.phase === "conflict" && (
        <p class="notice notice--error" role="alert">
          {t("versions.conflict")}
        </p>
      )}
      {upload.phase === "published" && (
        <p class="notice" role="status" data-testid="versions-published">
          {t("versions.published", { version: String(upload.published.version) })}
        </p>
      )}
      {upload.phase === "checked" && (
        <div class="versions__checked" data-testid="workbook-checked">
          <h3>{t("versions.changesTitle", { version: String(current) })}</h3>
          {upload.result.changes.length === 0 ? (
            <p>{t("versions.noChangesFromCurrent")}</p>
          ) : (
            <ChangeList changes={upload.result.changes} labels={labels([upload.result.definition, def])} />
          )}
          <CheckedPart
            upload={workbook}
            label={t("versions.publish", { version: String(upload.result.definition.version) })}
          >
            <SurveyPreview def={upload.result.definition} />
          </CheckedPart>
        </div>
      )}

      <h3>{t("versions.listTitle")}</h3>
      {versions && (
        <ol class="versions__list" data-testid="versions-list">
          {versions.map((v, i) => (
            <li key={v.version} data-version={v.version}>
              <p class="versions__heading">
                <strong>{t("versions.version", { version: String(v.version) })}</strong>{" "}
                {t("versions.publishedAt", { date: publishedDate(v.publishedAt, locale) })}
              </p>
              {v.changes.length > 0 ? (
                <ChangeList changes={v.changes} labels={labels(i === 0 ? [def] : [])} />
              ) : (
                <p>{i === versions.length - 1 ? t("versions.firstVersion") : t("versions.noChanges")}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The day a version was published, in Tokyo, as the reader's language writes a date. */
function publishedDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "ja-x-easy" ? "ja" : locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
}
