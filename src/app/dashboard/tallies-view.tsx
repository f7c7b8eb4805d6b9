import { useEffect, useRef, useState } from "preact/hooks";
import type { PopulationSummary } from "../../contract/population";
import type { Tallies } from "../../contract/tallies";
import type { Trend } from "../../contract/trend";
import type { SurveyDefinition } from "../../domain/definition";
import { fiscalYear, formatFiscalYear } from "../../domain/fiscal-year";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import {
  type CsvExport,
  fetchCsv,
  fetchPopulation,
  fetchTallies,
  fetchTrend,
} from "../collector/dashboard-api";
import { UnauthorizedError } from "../collector/organizer-fetch";
import { BusyButton } from "../components/busy-button";
import { Loading } from "../components/loading";
import { saveFile } from "../device/save-file";
import { useLocale } from "../locale-context";
import { collectorProblem } from "./collector-problem";
import { IndicatorCard } from "./indicator-card";
import "./organizer.css";
import { PolicyTable } from "./policy-table";
import { TrendView } from "./trend-view";
import { openingWave } from "./waves";
import { WeightsUpload } from "./weights-upload";

type Load =
  | { status: "loading" }
  | { status: "ready"; tallies: Tallies }
  | { status: "failed"; message: string };

interface Props {
  def: SurveyDefinition;
  onUnauthorized(): void;
}

/** The waves to offer: those with answers, newest first, and this fiscal year even before any. */
function wavesOf(trend: Trend | undefined): number[] {
  return [...new Set([fiscalYear(new Date()), ...(trend?.waves ?? [])])].sort((a, b) => b - a);
}

/** Wave and breakdown pickers, one card an indicator, the trend, weights and the downloads. */
export function TalliesView({ def, onUnauthorized }: Props) {
  const { locale } = useLocale();
  const [trend, setTrend] = useState<Trend | undefined>();
  // undefined: the newest wave with answers (known once the trend is in); "all": every wave.
  const [wave, setWave] = useState<number | "all" | undefined>(undefined);
  const [population, setPopulation] = useState<PopulationSummary | undefined>();
  const [by, setBy] = useState<string>("");
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [reload, setReload] = useState(0);
  const [csvState, setCsvState] = useState<"idle" | "loading" | "failed">("idle");
  const questions = def.questions.filter((q) => q.kind === "single");
  const byQuestion = questions.find((q) => q.id === by);
  // Read through a ref: a new callback from the parent is no reason to fetch again.
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const waves = wavesOf(trend);
  const shownWave = wave === "all" ? undefined : (wave ?? openingWave(trend));

  const fail = (error: unknown) => {
    if (error instanceof UnauthorizedError) unauthorized.current();
    else {
      // In the reader's language from the collector's code: its English was shown here before.
      const problem = collectorProblem(error);
      setLoad({ status: "failed", message: [problem.summary, ...problem.details].join(" ") });
    }
  };

  useEffect(() => {
    fetchTrend(def.id).then(setTrend, fail);
    fetchPopulation(def.id).then(setPopulation, () => {});
  }, [def.id, reload]);

  useEffect(() => {
    let current = true;
    setLoad({ status: "loading" });
    fetchTallies(def.id, { wave: shownWave, by: by || undefined }).then(
      (tallies) => current && setLoad({ status: "ready", tallies }),
      (error: unknown) => current && fail(error),
    );
    return () => {
      current = false;
    };
  }, [def.id, shownWave, by, reload]);

  const download = async (file: CsvExport) => {
    setCsvState("loading");
    try {
      const params = { wave: shownWave, ...(file === "tallies.csv" && by ? { by } : {}) };
      saveFile(await fetchCsv(def.id, file, params), `${def.id}-${shownWave ?? "all"}-${file}`);
      setCsvState("idle");
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      setCsvState("failed");
    }
  };

  const optionLabel = (key: string) => {
    for (const q of questions) {
      const option = q.kind === "single" ? q.options.find((o) => o.id === key) : undefined;
      if (option) return localize(option.label, locale);
    }
    return key;
  };
  const groupLabel = (key: string) => {
    if (by === "mode") return key === "kiosk" ? t("organizer.modeKiosk") : t("organizer.modeSelf");
    const option = byQuestion?.kind === "single" ? byQuestion.options.find((o) => o.id === key) : undefined;
    return option ? localize(option.label, locale) : key;
  };
  const byLabel =
    by === "mode"
      ? t("organizer.byMode")
      : by === "event"
        ? t("organizer.byEvent")
        : byQuestion && localize(byQuestion.label, locale);
  const waveTitle = shownWave === undefined ? t("dashboard.allWaves") : formatFiscalYear(shownWave, locale);

  return (
    <section class="tallies" aria-labelledby="tallies-title">
      <h2 id="tallies-title" class="tallies__survey">
        {localize(def.title, locale)}
      </h2>
      <div class="controls">
        <label class="control">
          <span class="field-label">{t("dashboard.wave")}</span>
          <select
            value={shownWave === undefined ? "all" : String(shownWave)}
            data-testid="wave"
            onChange={(event) => {
              const value = event.currentTarget.value;
              setWave(value === "all" ? "all" : Number(value));
            }}
          >
            {waves.map((fy) => (
              <option key={fy} value={String(fy)}>
                {formatFiscalYear(fy, locale)}
              </option>
            ))}
            <option value="all">{t("dashboard.allWaves")}</option>
          </select>
        </label>
        <label class="control">
          <span class="field-label">{t("dashboard.breakdown")}</span>
          <select value={by} data-testid="breakdown" onChange={(event) => setBy(event.currentTarget.value)}>
            <option value="">{t("dashboard.noBreakdown")}</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {localize(q.label, locale)}
              </option>
            ))}
            <option value="mode">{t("organizer.byMode")}</option>
            <option value="event">{t("organizer.byEvent")}</option>
          </select>
        </label>
      </div>
      <p class="download-row">
        {(["responses.csv", "tallies.csv", "policy.csv"] as const).map((file) => (
          <BusyButton
            key={file}
            class="button button--secondary"
            busy={csvState === "loading"}
            onClick={() => download(file)}
          >
            {file === "responses.csv"
              ? t("dashboard.downloadCsv")
              : file === "tallies.csv"
                ? t("organizer.downloadTallies")
                : t("organizer.policyCsv")}
          </BusyButton>
        ))}
        {csvState === "loading" && <span role="status">{t("dashboard.downloading")}</span>}
        {csvState === "failed" && (
          <span class="field-error" role="alert">
            {t("dashboard.downloadFailed")}
          </span>
        )}
      </p>
      <div aria-live="polite" aria-busy={load.status === "loading"}>
        {load.status === "loading" && <Loading />}
        {load.status === "failed" && (
          <div class="notice notice--error" role="alert">
            <p>{t("dashboard.loadFailed")}</p>
            <p class="hint">{load.message}</p>
          </div>
        )}
        {load.status === "ready" &&
          load.tallies.indicators.map((tally) => {
            const indicator = def.indicators.find((i) => i.id === tally.id);
            return (
              <IndicatorCard
                key={tally.id}
                tally={tally}
                label={indicator ? localize(indicator.label, locale) : tally.id}
                locale={locale}
                minCell={def.minCell}
                byLabel={byLabel}
                groupLabel={groupLabel}
                cellLabel={(key) => key.split("|").map(optionLabel).join(" × ")}
                weightedBy={population?.dimensions
                  .map((id) => {
                    const q = questions.find((question) => question.id === id);
                    return q ? localize(q.label, locale) : id;
                  })
                  .join(" × ")}
              />
            );
          })}
      </div>
      {load.status === "ready" && (
        <PolicyTable def={def} tallies={load.tallies} locale={locale} title={waveTitle} />
      )}
      {trend && <TrendView trend={trend} def={def} locale={locale} />}
      <WeightsUpload
        surveyId={def.id}
        locale={locale}
        onChanged={() => setReload((n) => n + 1)}
        onUnauthorized={onUnauthorized}
      />
    </section>
  );
}
