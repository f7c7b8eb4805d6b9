import type { IndicatorTally } from "../../contract/tallies";
import { t } from "../../i18n";
import { BarChart } from "./bar-chart";
import { formatCount, formatInterval, formatPercent, formatTarget } from "./format";
import { GroupTable } from "./group-table";

interface Props {
  tally: IndicatorTally;
  label: string;
  locale: string;
  minCell: number;
  byLabel: string | undefined;
  groupLabel(key: string): string;
  /** The questions the weighting cells are made of, named for the reader. */
  weightedBy?: string;
  /** A weighting cell ("age_30_39|female") in words. */
  cellLabel?(key: string): string;
}

/** One indicator: the number, how sure it is, and whether the target was met, said in words. */
export function IndicatorCard(props: Props) {
  const { tally, label, locale, minCell, byLabel, groupLabel, weightedBy } = props;
  const cellLabel = props.cellLabel ?? ((key: string) => key);
  const verdict =
    tally.verdict === "met"
      ? { text: t("dashboard.met"), mark: "✓", class: "verdict verdict--met" }
      : tally.verdict === "not_met"
        ? { text: t("dashboard.notMet"), mark: "✗", class: "verdict verdict--not-met" }
        : { text: t("dashboard.noVerdict"), mark: "", class: "verdict" };
  return (
    <article class="indicator">
      <h2 class="indicator__label">{label}</h2>
      <div class="indicator__headline">
        <p class="indicator__percent">
          {tally.percent === null ? "—" : formatPercent(tally.percent, locale)}
        </p>
        <p class={verdict.class}>
          {verdict.mark && <span aria-hidden="true">{verdict.mark} </span>}
          {verdict.text}
        </p>
      </div>
      <dl class="indicator__facts">
        <div>
          <dt>{t("dashboard.n")}</dt>
          <dd>{formatCount(tally.n, locale)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.positive")}</dt>
          <dd>{formatCount(tally.positive, locale)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.ci")}</dt>
          <dd>{formatInterval(tally.ci95, locale)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.target")}</dt>
          <dd>{formatTarget(tally.target, locale)}</dd>
        </div>
      </dl>
      {tally.n === 0 && <p class="hint">{t("dashboard.noResponses")}</p>}
      {tally.weighted?.suppressed && (
        <div class="indicator__weighted" data-testid="weighted">
          <p>
            <strong>{t("organizer.weighted")}: </strong>
            <span data-testid="weighted-percent">—</span>
          </p>
          <p class="hint" data-testid="weighted-withheld">
            {t("organizer.weightedWithheld", { dimensions: weightedBy ?? "", minCell })}
          </p>
        </div>
      )}
      {tally.weighted && !tally.weighted.suppressed && (
        <div class="indicator__weighted" data-testid="weighted">
          <p>
            <strong>{t("organizer.weighted")}: </strong>
            <span data-testid="weighted-percent">
              {tally.weighted.percent === null ? "—" : formatPercent(tally.weighted.percent, locale)}
            </span>{" "}
            ({t("dashboard.ci")} {formatInterval(tally.weighted.ci95, locale)}) —{" "}
            {tally.weighted.verdict === "met"
              ? t("dashboard.met")
              : tally.weighted.verdict === "not_met"
                ? t("dashboard.notMet")
                : t("dashboard.noVerdict")}
          </p>
          <p class="hint">
            {t("organizer.weightedNote", {
              dimensions: weightedBy ?? "",
              nEff: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
                tally.weighted.nEffective ?? 0,
              ),
            })}
          </p>
          {(tally.weighted.leftOut?.blankAnswer ?? 0) > 0 && (
            <p class="hint" data-testid="left-out-blank">
              {t("organizer.leftOutBlank", {
                n: tally.weighted.leftOut?.blankAnswer ?? 0,
                dimensions: weightedBy ?? "",
              })}
            </p>
          )}
          {(tally.weighted.leftOut?.noPopulation ?? 0) > 0 && (
            <p class="hint" data-testid="left-out-no-population">
              {t("organizer.leftOutNoPopulation", {
                n: tally.weighted.leftOut?.noPopulation ?? 0,
              })}
            </p>
          )}
          {tally.weighted.cellsWithoutRespondents.length > 0 && (
            <p class="hint">
              {t("organizer.cellsWithout", {
                cells: tally.weighted.cellsWithoutRespondents.map(cellLabel).join(", "),
              })}
            </p>
          )}
        </div>
      )}
      {tally.groups && byLabel && (
        <div class="chart-and-table">
          <BarChart
            bars={tally.groups.map((g) => ({
              key: g.key,
              label: groupLabel(g.key),
              percent: g.percent,
              ci95: g.ci95,
            }))}
            target={tally.target?.value ?? null}
          />
          <GroupTable
            groups={tally.groups}
            groupLabel={groupLabel}
            byLabel={byLabel}
            minCell={minCell}
            locale={locale}
          />
        </div>
      )}
    </article>
  );
}
