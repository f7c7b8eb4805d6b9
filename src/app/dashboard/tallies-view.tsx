import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n";
import type { SurveyDefinition } from "../../survey";
import type { Tallies } from "../../survey/contract";
import { formatFiscalYear } from "../../survey/fiscal-year";
import { localize } from "../../survey/locales";
import { Loading } from "../components/loading";
import { useLocale } from "../locale-context";
import { fetchResponsesCsv, fetchTallies, UnauthorizedError } from "../services/dashboard-api";
import { saveFile } from "../services/save-file";
import { IndicatorCard } from "./indicator-card";
import { recentWaves } from "./waves";

type Load =
  | { status: "loading" }
  | { status: "ready"; tallies: Tallies }
  | { status: "failed"; message: string };

interface Props {
  def: SurveyDefinition;
  onUnauthorized(): void;
}

/** Wave and breakdown pickers, then one card an indicator, and the CSV download. */
export function TalliesView({ def, onUnauthorized }: Props) {
  const { locale } = useLocale();
  const waves = recentWaves();
  const [wave, setWave] = useState<number | undefined>(waves[0]);
  const [by, setBy] = useState<string>("");
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [csvState, setCsvState] = useState<"idle" | "loading" | "failed">("idle");
  const breakdowns = def.questions.filter((q) => q.kind === "single");
  const byQuestion = breakdowns.find((q) => q.id === by);
  // Read through a ref: a new callback from the parent is no reason to fetch again.
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  useEffect(() => {
    let current = true;
    setLoad({ status: "loading" });
    fetchTallies(def.id, { wave, by: by || undefined }).then(
      (tallies) => current && setLoad({ status: "ready", tallies }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof UnauthorizedError) unauthorized.current();
        else setLoad({ status: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [def.id, wave, by]);

  const downloadCsv = async () => {
    setCsvState("loading");
    try {
      const blob = await fetchResponsesCsv(def.id, wave);
      saveFile(blob, `${def.id}-${wave ?? "all"}-responses.csv`);
      setCsvState("idle");
    } catch (error) {
      if (error instanceof UnauthorizedError) return onUnauthorized();
      setCsvState("failed");
    }
  };

  const groupLabel = (key: string) => {
    const option = byQuestion?.kind === "single" ? byQuestion.options.find((o) => o.id === key) : undefined;
    return option ? localize(option.label, locale) : key;
  };

  return (
    <section class="tallies" aria-labelledby="tallies-title">
      <h2 id="tallies-title" class="tallies__survey">
        {localize(def.title, locale)}
      </h2>
      <div class="controls">
        <label class="control">
          <span class="field-label">{t("dashboard.wave")}</span>
          <select
            value={wave === undefined ? "all" : String(wave)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setWave(value === "all" ? undefined : Number(value));
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
          <select value={by} onChange={(event) => setBy(event.currentTarget.value)}>
            <option value="">{t("dashboard.noBreakdown")}</option>
            {breakdowns.map((q) => (
              <option key={q.id} value={q.id}>
                {localize(q.label, locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void downloadCsv()}
          disabled={csvState === "loading"}
        >
          {csvState === "loading" ? t("dashboard.downloading") : t("dashboard.downloadCsv")}
        </button>
        {csvState === "failed" && (
          <span class="field-error" role="alert">
            {" "}
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
                byLabel={byQuestion && localize(byQuestion.label, locale)}
                groupLabel={groupLabel}
              />
            );
          })}
      </div>
    </section>
  );
}
