import { useState } from "preact/hooks";
import type { DryRunResult, WorkbookProblem } from "../../../contract/versions";
import type { SurveyDefinition } from "../../../domain/definition";
import { t } from "../../../i18n";
import { ApiError, UnauthorizedError } from "../../collector/organizer-fetch";
import {
  checkWorkbook,
  fetchVersions,
  fetchWorkbook,
  InvalidWorkbookError,
  publishWorkbook,
} from "../../collector/versions-api";
import { BusyButton } from "../../components/busy-button";
import { Field } from "../../components/field";
import { saveFile } from "../../device/save-file";
import { latest } from "../../hooks/use-resource";
import { useLocale } from "../../locale-context";
import { collectorProblem, ProblemDetails, type ProblemText } from "../collector-problem";
import { useOrganizerResource } from "../use-organizer-resource";
import { ChangeList } from "./change-list";
import { ProblemTable } from "./problem-table";
import { SurveyPreview } from "./survey-preview";
import "./versions.css";

type Upload =
  | { phase: "idle" }
  | { phase: "checking" }
  | { phase: "problems"; problems: readonly WorkbookProblem[] }
  | { phase: "failed"; problem: ProblemText }
  | { phase: "checked"; file: Blob; result: DryRunResult; publishing?: boolean; refused?: ProblemText }
  | { phase: "conflict" }
  | { phase: "published"; version: number };

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
  const [file, setFile] = useState<File | undefined>();
  const [upload, setUpload] = useState<Upload>({ phase: "idle" });
  const [download, setDownload] = useState<"idle" | "loading" | "failed">("idle");
  const labels = (definitions: readonly SurveyDefinition[]) => ({ definitions, locale });

  const fail = (error: unknown): ProblemText | undefined => {
    if (error instanceof UnauthorizedError) {
      onUnauthorized();
      return undefined;
    }
    return collectorProblem(error);
  };

  const getWorkbook = async () => {
    setDownload("loading");
    try {
      saveFile(await fetchWorkbook(def.id), `${def.id}-v${current}.xlsx`);
      setDownload("idle");
    } catch (error) {
      if (fail(error)) setDownload("failed");
    }
  };

  const check = async (event: Event) => {
    event.preventDefault();
    if (!file || upload.phase === "checking") return;
    setUpload({ phase: "checking" });
    try {
      setUpload({ phase: "checked", file, result: await checkWorkbook(def.id, file) });
    } catch (error) {
      if (error instanceof InvalidWorkbookError)
        return setUpload({ phase: "problems", problems: error.problems });
      const problem = fail(error);
      setUpload(problem ? { phase: "failed", problem } : { phase: "idle" });
    }
  };

  const publish = async () => {
    if (upload.phase !== "checked") return;
    setUpload({ ...upload, publishing: true });
    try {
      const published = await publishWorkbook(def.id, upload.file);
      setUpload({ phase: "published", version: published.version });
      reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === "version_conflict") {
        setUpload({ phase: "conflict" });
        return reload();
      }
      if (error instanceof InvalidWorkbookError)
        return setUpload({ phase: "problems", problems: error.problems });
      const problem = fail(error);
      setUpload(problem ? { ...upload, publishing: false, refused: problem } : { phase: "idle" });
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

      <form onSubmit={check}>
        <Field id="workbook-file" label={t("versions.file")} hint={t("versions.fileHelp")}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0]);
                setUpload({ phase: "idle" });
              }}
            />
          )}
        </Field>
        <button
          type="submit"
          class="button button--secondary"
          disabled={!file}
          aria-disabled={upload.phase === "checking"}
        >
          {upload.phase === "checking" ? t("versions.checking") : t("versions.check")}
        </button>
      </form>

      {upload.phase === "problems" && (
        <div class="notice notice--error" role="alert">
          <p>{t("versions.problemsLead", { n: upload.problems.length })}</p>
          <ProblemTable problems={upload.problems} caption={t("versions.problem")} />
        </div>
      )}
      {upload.phase === "failed" && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails lead={t("versions.checkFailed")} problem={upload.problem} />
        </div>
      )}
      {upload.phase === "conflict" && (
        <p class="notice notice--error" role="alert">
          {t("versions.conflict")}
        </p>
      )}
      {upload.phase === "published" && (
        <p class="notice" role="status" data-testid="versions-published">
          {t("versions.published", { version: String(upload.version) })}
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
          {upload.result.warnings.length > 0 && (
            <>
              <h3>{t("versions.warningsTitle")}</h3>
              <ProblemTable problems={upload.result.warnings} caption={t("versions.warningsTitle")} />
            </>
          )}
          <SurveyPreview def={upload.result.definition} />
          <p>
            <BusyButton class="button" busy={Boolean(upload.publishing)} onClick={publish}>
              {upload.publishing
                ? t("versions.publishing")
                : t("versions.publish", { version: String(upload.result.definition.version) })}
            </BusyButton>
          </p>
          {upload.refused && (
            <div class="notice notice--error" role="alert">
              <ProblemDetails lead={t("versions.publishFailed")} problem={upload.refused} />
            </div>
          )}
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
