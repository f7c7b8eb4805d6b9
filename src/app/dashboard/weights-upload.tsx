import { useEffect, useState } from "preact/hooks";
import type { PopulationSets, PopulationSummary } from "../../contract/population";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { t } from "../../i18n";
import { fetchPopulation, fetchPopulationSets, uploadPopulation } from "../collector/dashboard-api";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { Field } from "../components/field";
import { collectorProblem, ProblemDetails, type ProblemText } from "./collector-problem";
import { formatCount } from "./format";
import { recentWaves } from "./waves";

type State = { phase: "idle" } | { phase: "uploading" } | { phase: "failed"; problem: ProblemText };

/** When a set was uploaded, in Tokyo, as the reader's language writes it. */
const uploadedWhen = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale === "ja-x-easy" ? "ja" : locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));

/** The year's totals in a sentence: its own, the survey-wide ones standing for it, or none. */
function yearStatus(summary: PopulationSummary, locale: string): string {
  const wave = formatFiscalYear(summary.wave, locale);
  const cells = formatCount(summary.cells.length, locale);
  const total = formatCount(summary.total, locale);
  if (summary.source === "wave") return t("organizer.weightsForYear", { wave, cells, total });
  if (summary.source === "survey_wide") return t("organizer.weightsFallback", { wave, cells, total });
  return t("organizer.weightsNoneForYear", { wave });
}

/**
 * Population totals from the resident register (CSV) for the weighted estimates, one set per
 * fiscal year: the register changes each year, and a year's estimates use its own totals.
 */
export function WeightsUpload(props: {
  surveyId: string;
  locale: string;
  onChanged(): void;
  onUnauthorized(): void;
}) {
  const { locale } = props;
  const [wave, setWave] = useState(() => recentWaves()[0] as number);
  const [sets, setSets] = useState<PopulationSets | undefined>();
  const [year, setYear] = useState<PopulationSummary | undefined>();
  const [file, setFile] = useState<File | undefined>();
  const [state, setState] = useState<State>({ phase: "idle" });
  const [uploads, setUploads] = useState(0);
  useEffect(() => {
    fetchPopulationSets(props.surveyId).then(setSets, () => {});
  }, [props.surveyId, uploads]);
  useEffect(() => {
    setYear(undefined);
    fetchPopulation(props.surveyId, wave).then(setYear, () => {});
  }, [props.surveyId, wave, uploads]);

  // The recent fiscal years, and any older one that has totals.
  const years = [
    ...new Set([...recentWaves(), ...(sets?.sets ?? []).flatMap((s) => (s.wave === null ? [] : [s.wave]))]),
  ].sort((a, b) => b - a);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file || state.phase === "uploading") return;
    setState({ phase: "uploading" });
    try {
      await uploadPopulation(props.surveyId, wave, file);
      setState({ phase: "idle" });
      setUploads((n) => n + 1);
      props.onChanged();
    } catch (error) {
      if (error instanceof UnauthorizedError) return props.onUnauthorized();
      setState({ phase: "failed", problem: collectorProblem(error) });
    }
  };

  return (
    <section class="dashboard-section weights-upload" aria-labelledby="weights-title">
      <h2 id="weights-title">{t("organizer.weightsTitle")}</h2>
      <form onSubmit={submit}>
        <label class="control">
          <span class="field-label">{t("organizer.weightsYear")}</span>
          <select
            value={String(wave)}
            data-testid="weights-wave"
            onChange={(event) => setWave(Number(event.currentTarget.value))}
          >
            {years.map((fy) => (
              <option key={fy} value={String(fy)}>
                {formatFiscalYear(fy, locale)}
              </option>
            ))}
          </select>
        </label>
        <p data-testid="weights-stored" aria-live="polite">
          {year && year.wave === wave ? yearStatus(year, locale) : "\u00a0"}
        </p>
        <Field
          id="weights-file"
          label={t("organizer.weightsFile")}
          hint={t("organizer.weightsHelp")}
          hintId="weights-help"
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => setFile(event.currentTarget.files?.[0])}
            />
          )}
        </Field>
        {/* While uploading, aria-disabled: a disabled button drops the focus of whoever pressed it (BusyButton). */}
        <button
          type="submit"
          class="button button--secondary"
          disabled={!file}
          aria-disabled={state.phase === "uploading"}
        >
          {state.phase === "uploading" ? t("organizer.weightsUploading") : t("organizer.weightsUpload")}
        </button>
      </form>
      {state.phase === "failed" && (
        <div class="notice notice--error" role="alert">
          <ProblemDetails lead={t("organizer.weightsFailed")} problem={state.problem} />
        </div>
      )}
      <h3>{t("organizer.weightsYears")}</h3>
      {sets && sets.sets.length > 0 ? (
        <ul data-testid="weights-sets">
          {sets.sets.map((set) => (
            <li key={set.wave ?? "survey-wide"}>
              {t("organizer.weightsSet", {
                wave:
                  set.wave === null ? t("organizer.weightsSurveyWide") : formatFiscalYear(set.wave, locale),
                cells: formatCount(set.cells, locale),
                total: formatCount(set.total, locale),
                at: uploadedWhen(set.uploadedAt, locale),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("organizer.weightsNone")}</p>
      )}
    </section>
  );
}
