import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { type CsvExport, fetchCsv } from "../collector/dashboard-api";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { BusyButton } from "../components/busy-button";
import { saveFile } from "../device/save-file";

const label = (file: CsvExport) =>
  file === "responses.csv"
    ? t("dashboard.downloadCsv")
    : file === "tallies.csv"
      ? t("organizer.downloadTallies")
      : t("organizer.policyCsv");

/** The survey's CSV files for the wave shown (the tallies also by the breakdown picked). */
export function CsvDownloads(props: {
  surveyId: string;
  wave: number | undefined;
  by: string;
  onUnauthorized(): void;
}) {
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const download = async (file: CsvExport) => {
    setState("loading");
    try {
      const params = { wave: props.wave, ...(file === "tallies.csv" && props.by ? { by: props.by } : {}) };
      saveFile(
        await fetchCsv(props.surveyId, file, params),
        `${props.surveyId}-${props.wave ?? "all"}-${file}`,
      );
      setState("idle");
    } catch (error) {
      if (error instanceof UnauthorizedError) return props.onUnauthorized();
      setState("failed");
    }
  };
  return (
    <p class="download-row">
      {(["responses.csv", "tallies.csv", "policy.csv"] as const).map((file) => (
        <BusyButton
          key={file}
          class="button button--secondary"
          busy={state === "loading"}
          onClick={() => download(file)}
        >
          {label(file)}
        </BusyButton>
      ))}
      {state === "loading" && <span role="status">{t("dashboard.downloading")}</span>}
      {state === "failed" && (
        <span class="field-error" role="alert">
          {t("dashboard.downloadFailed")}
        </span>
      )}
    </p>
  );
}
