import { useEffect, useState } from "preact/hooks";
import type { PopulationSummary } from "../../contract/population";
import { t } from "../../i18n";
import { fetchPopulation, uploadPopulation } from "../collector/dashboard-api";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { Field } from "../components/field";
import { collectorProblem, ProblemDetails, type ProblemText } from "./collector-problem";
import { formatCount } from "./format";

type State = { phase: "idle" } | { phase: "uploading" } | { phase: "failed"; problem: ProblemText };

/** Population totals from the resident register (CSV) for the weighted estimates. */
export function WeightsUpload(props: {
  surveyId: string;
  locale: string;
  onChanged(): void;
  onUnauthorized(): void;
}) {
  const [stored, setStored] = useState<PopulationSummary | undefined>();
  const [file, setFile] = useState<File | undefined>();
  const [state, setState] = useState<State>({ phase: "idle" });
  useEffect(() => {
    fetchPopulation(props.surveyId).then(setStored, () => {});
  }, [props.surveyId]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file || state.phase === "uploading") return;
    setState({ phase: "uploading" });
    try {
      setStored(await uploadPopulation(props.surveyId, file));
      setState({ phase: "idle" });
      props.onChanged();
    } catch (error) {
      if (error instanceof UnauthorizedError) return props.onUnauthorized();
      setState({ phase: "failed", problem: collectorProblem(error) });
    }
  };

  return (
    <section class="dashboard-section weights-upload" aria-labelledby="weights-title">
      <h2 id="weights-title">{t("organizer.weightsTitle")}</h2>
      <p data-testid="weights-stored">
        {stored && stored.cells.length > 0
          ? t("organizer.weightsStored", {
              cells: formatCount(stored.cells.length, props.locale),
              total: formatCount(stored.total, props.locale),
            })
          : t("organizer.weightsNone")}
      </p>
      <form onSubmit={submit}>
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
    </section>
  );
}
