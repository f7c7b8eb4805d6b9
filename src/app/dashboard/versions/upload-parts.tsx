import type { ComponentChildren } from "preact";
import { t } from "../../../i18n";
import { BusyButton } from "../../components/busy-button";
import { Field } from "../../components/field";
import { ProblemDetails } from "../collector-problem";
import { ProblemTable } from "./problem-table";
import type { useWorkbookUpload } from "./use-workbook-upload";

type WorkbookUpload = ReturnType<typeof useWorkbookUpload>;

/** The file input and Check, for either section's upload. */
export function WorkbookFileForm({
  id,
  label,
  upload,
}: {
  /** The input's id: unique on the page, where both sections are. */
  id: string;
  label: string;
  upload: WorkbookUpload;
}) {
  const checking = upload.upload.phase === "checking";
  return (
    <form onSubmit={upload.check}>
      <Field id={id} label={label} hint={t("versions.fileHelp")}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => upload.choose(event.currentTarget.files?.[0])}
          />
        )}
      </Field>
      <button type="submit" class="button button--secondary" disabled={!upload.file} aria-disabled={checking}>
        {checking ? t("versions.checking") : t("versions.check")}
      </button>
    </form>
  );
}

/** The check's refusals: the workbook's problems at their cells, or why it could not be checked. */
export function CheckRefusal({ upload }: { upload: WorkbookUpload }) {
  const state = upload.upload;
  if (state.phase === "problems")
    return (
      <div class="notice notice--error" role="alert">
        <p>{t("versions.problemsLead", { n: state.problems.length })}</p>
        <ProblemTable problems={state.problems} caption={t("versions.problem")} />
      </div>
    );
  if (state.phase === "failed")
    return (
      <div class="notice notice--error" role="alert">
        <ProblemDetails lead={t("versions.checkFailed")} problem={state.problem} />
      </div>
    );
  return null;
}

/**
 * A checked workbook's warnings, then `children` (the preview of the respondent's screens), its
 * Publish button and, if the collector refused, why.
 */
export function CheckedPart({
  upload,
  label,
  children,
}: {
  upload: WorkbookUpload;
  label: ComponentChildren;
  children: ComponentChildren;
}) {
  const state = upload.upload;
  if (state.phase !== "checked") return null;
  return (
    <>
      {state.result.warnings.length > 0 && (
        <>
          <h3>{t("versions.warningsTitle")}</h3>
          <ProblemTable problems={state.result.warnings} caption={t("versions.warningsTitle")} />
        </>
      )}
      {children}
      <p>
        <BusyButton class="button" busy={Boolean(state.publishing)} onClick={upload.publish}>
          {state.publishing ? t("versions.publishing") : label}
        </BusyButton>
      </p>
      {state.refused && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails lead={t("versions.publishFailed")} problem={state.refused} />
        </div>
      )}
    </>
  );
}
