import { t } from "../../i18n";
import type { IndicatorTally } from "../../survey/contract";
import { formatCount, formatInterval, formatPercent, formatTarget } from "./format";
import { GroupTable } from "./group-table";

interface Props {
  tally: IndicatorTally;
  label: string;
  locale: string;
  minCell: number;
  byLabel: string | undefined;
  groupLabel(key: string): string;
}

/** One indicator: the number, how sure it is, and whether the target was met, said in words. */
export function IndicatorCard({ tally, label, locale, minCell, byLabel, groupLabel }: Props) {
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
      {tally.groups && byLabel && (
        <GroupTable
          groups={tally.groups}
          groupLabel={groupLabel}
          byLabel={byLabel}
          minCell={minCell}
          locale={locale}
        />
      )}
    </article>
  );
}
