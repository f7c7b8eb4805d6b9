import type { Trend, TrendPoint } from "../../contract/trend";
import type { SurveyDefinition } from "../../domain/definition";
import { formatFiscalYear } from "../../domain/fiscal-year";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { ColumnHeads } from "../components/column-heads";
import { formatCount, formatInterval, formatPercent } from "./format";
import { seriesBreakText } from "./series-break-text";
import { TableWrap } from "./table-wrap";

const points = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);

/** The change column: the break in words where there is one (and then no change), else the change. */
function changeCell(p: TrendPoint, locale: string): string {
  if (p.seriesBreak) return seriesBreakText(p.seriesBreak, locale);
  if (!p.change) return "—";
  const value = t("organizer.changeValue", {
    points: points(p.change.points, locale),
    lo: points(p.change.ci95[0], locale),
    hi: points(p.change.ci95[1], locale),
  });
  return `${value} — ${p.change.significant ? t("organizer.significant") : t("organizer.notSignificant")}`;
}

/**
 * Each indicator across fiscal years, with the change from the year before and whether it is real;
 * where the indicator's definition changed between the two years, the break in words instead.
 */
export function TrendView({ trend, def, locale }: { trend: Trend; def: SurveyDefinition; locale: string }) {
  if (trend.waves.length === 0) return null;
  return (
    <section class="dashboard-section" aria-labelledby="trend-title">
      <h2 id="trend-title">{t("organizer.trendTitle")}</h2>
      {trend.indicators.map((indicator) => {
        const def_ = def.indicators.find((i) => i.id === indicator.id);
        const label = def_ ? localize(def_.label, locale) : indicator.id;
        return (
          <TableWrap key={indicator.id} label={label}>
            <table class="trend-table" data-testid={`trend-${indicator.id}`}>
              <caption>{label}</caption>
              <ColumnHeads
                columns={[
                  t("dashboard.wave"),
                  { numeric: t("dashboard.percent") },
                  { numeric: t("dashboard.n") },
                  t("dashboard.ci"),
                  t("organizer.change"),
                ]}
              />
              <tbody>
                {indicator.points.map((p) => (
                  <tr key={p.wave} class={p.seriesBreak ? "series-break" : undefined}>
                    <th scope="row">{formatFiscalYear(p.wave, locale)}</th>
                    <td class="num">{p.percent === null ? "—" : formatPercent(p.percent, locale)}</td>
                    <td class="num">{formatCount(p.n, locale)}</td>
                    <td>{formatInterval(p.ci95, locale)}</td>
                    <td>{changeCell(p, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        );
      })}
    </section>
  );
}
