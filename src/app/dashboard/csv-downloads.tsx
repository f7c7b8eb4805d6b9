import { useState } from "preact/hooks";
import type { Locale } from "../../domain/locales";
import { LANGUAGE_NAMES } from "../../domain/locales";
import { t } from "../../i18n";
import { type CsvExport, fetchCsv } from "../collector/dashboard-api";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { BusyButton } from "../components/busy-button";
import { saveFile } from "../device/save-file";
import { useLocale } from "../locale-context";

/** The files the collector can write in words beside the ids (?labels=): policy.csv is in words already. */
const WITH_LABELS: readonly CsvExport[] = ["responses.csv", "tallies.csv"];

const label = (file: CsvExport) =>
  file === "responses.csv"
    ? t("dashboard.downloadCsv")
    : file === "tallies.csv"
      ? t("organizer.downloadTallies")
      : t("organizer.policyCsv");

/**
 * The survey's CSV files for the wave shown (the tallies also by the breakdown picked). By default in
 * words beside the ids, in the reader's language where the survey has it (else its first): an
 * analyst opening it in Excel reads 「はい」 and the question's short name, and a script still finds
 * the ids in their columns.
 */
export function CsvDownloads(props: {
  surveyId: string;
  locales: readonly Locale[];
  wave: number | undefined;
  by: string;
  onUnauthorized(): void;
}) {
  const { locale } = useLocale();
  const labelLocale = props.locales.includes(locale) ? locale : props.locales[0];
  const [withLabels, setWithLabels] = useState(true);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const download = async (file: CsvExport) => {
    setState("loading");
    try {
      const params = {
        wave: props.wave,
        ...(file === "tallies.csv" && props.by ? { by: props.by } : {}),
        ...(withLabels && labelLocale && WITH_LABELS.includes(file) ? { labels: labelLocale } : {}),
      };
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
    <div class="download-row">
      {labelLocale && (
        <label class="checkbox-line">
          <input
            type="checkbox"
            checked={withLabels}
            onChange={(event) => setWithLabels(event.currentTarget.checked)}
          />
          {t("dashboard.csvWithLabels", { language: LANGUAGE_NAMES[labelLocale] })}
        </label>
      )}
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
    </div>
  );
}
