import type { z } from "zod/mini";
import type { SingleChoiceQuestion, SurveyDefinition } from "../../domain/definition";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { localize, localizeShort } from "../../domain/locales";
import { t } from "../../i18n";
import { Loading } from "../components/loading";
import { useLocale } from "../locale-context";
import { CsvDownloads } from "./csv-downloads";
import { IndicatorCard } from "./indicator-card";
import "./organizer.css";
import { PolicyTable } from "./policy-table";
import { TallyPickers } from "./tally-pickers";
import { useTallies } from "./use-tallies";
import { weightingDimensions } from "./weighting-dimensions";
import { WeightingNote } from "./weighting-note";

interface Props {
  def: SurveyDefinition;
  onUnauthorized(): void;
}

type SingleQuestion = z.infer<typeof SingleChoiceQuestion>;

/**
 * Wave and breakdown pickers, one card an indicator, the policy table and the downloads (the trend
 * and the population totals are screens of their own).
 */
export function TalliesView({ def, onUnauthorized }: Props) {
  const { locale } = useLocale();
  const { load, populationSets, waves, shownWave, setWave, by, setBy } = useTallies(def.id, onUnauthorized);
  const questions = def.questions.filter((q): q is SingleQuestion => q.kind === "single");
  const byQuestion = questions.find((q) => q.id === by);

  const optionLabel = (key: string) => {
    for (const q of questions) {
      const option = q.options.find((o) => o.id === key);
      if (option) return localize(option.label, locale);
    }
    return key;
  };
  const groupLabel = (key: string) => {
    if (by === "mode") return key === "kiosk" ? t("organizer.modeKiosk") : t("organizer.modeSelf");
    const option = byQuestion?.options.find((o) => o.id === key);
    return option ? localize(option.label, locale) : key;
  };
  const byLabel =
    by === "mode"
      ? t("organizer.byMode")
      : by === "event"
        ? t("organizer.byEvent")
        : byQuestion && localizeShort(byQuestion, locale);
  const waveTitle = shownWave === undefined ? t("dashboard.allWaves") : formatFiscalYear(shownWave, locale);
  // The dimensions of the totals this table was weighted by: the wave's own set, or the survey-wide one.
  const weighting = load.status === "ready" ? load.tallies.weighting : undefined;
  const usedSet = populationSets?.find(
    (set) => set.wave === (weighting?.totals === "wave" ? weighting.wave : null),
  );
  const weightedBy = usedSet ? weightingDimensions(usedSet.dimensions, def.questions, locale) : undefined;

  return (
    <section class="tallies" aria-labelledby="tallies-title">
      <h2 id="tallies-title" class="tallies__survey">
        {localize(def.title, locale)}
      </h2>
      <TallyPickers
        waves={waves}
        shownWave={shownWave}
        onWave={setWave}
        questions={questions}
        by={by}
        onBy={setBy}
        locale={locale}
      />
      <CsvDownloads
        surveyId={def.id}
        locales={def.locales}
        wave={shownWave}
        by={by}
        onUnauthorized={onUnauthorized}
      />
      <div aria-live="polite" aria-busy={load.status === "loading"}>
        {load.status === "loading" && <Loading />}
        {load.status === "failed" && (
          <div class="notice notice--error" role="alert">
            <p>{t("dashboard.loadFailed")}</p>
            <p class="hint">{load.message}</p>
          </div>
        )}
        {load.status === "ready" && <WeightingNote weighting={weighting} locale={locale} />}
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
                weightedBy={weightedBy}
              />
            );
          })}
      </div>
      {load.status === "ready" && (
        <PolicyTable def={def} tallies={load.tallies} locale={locale} title={waveTitle} />
      )}
    </section>
  );
}
