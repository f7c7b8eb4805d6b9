import type { SurveyDefinition } from "../../domain/definition";
import type { EventIndicatorTally } from "../../domain/event-tally";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { ColumnHeads } from "../components/column-heads";
import { formatCount, formatPercent, formatTarget } from "../dashboard/format";

/** The event's indicators from this device's responses: for the closing announcement, offline. */
export function EventTally({
  def,
  tally,
  locale,
}: {
  def: SurveyDefinition;
  tally: readonly EventIndicatorTally[];
  locale: string;
}) {
  return (
    <section class="kiosk-tally" aria-labelledby="event-tally-title">
      <h2 id="event-tally-title">{t("staff.tallyTitle")}</h2>
      <p class="hint">{t("staff.tallyNote")}</p>
      <table>
        <ColumnHeads
          columns={[t("staff.indicator"), t("dashboard.percent"), t("dashboard.n"), t("dashboard.target")]}
        />
        <tbody>
          {tally.map((row) => {
            const indicator = def.indicators.find((i) => i.id === row.id);
            return (
              <tr key={row.id} data-indicator={row.id}>
                <th scope="row">{indicator ? localize(indicator.label, locale) : row.id}</th>
                <td class="kiosk-tally__percent">
                  {row.percent === null ? "—" : formatPercent(row.percent, locale)}
                </td>
                <td>{formatCount(row.n, locale)}</td>
                <td>
                  {formatTarget(row.target, locale)}
                  {row.verdict && (
                    <span class={`kiosk-tally__verdict is-${row.verdict}`}>
                      {" "}
                      {row.verdict === "met" ? t("dashboard.met") : t("dashboard.notMet")}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tally.some((row) => row.suppressed) && (
        <p class="hint" data-testid="event-tally-suppressed">
          {t("dashboard.suppressedNote", { minCell: def.minCell })}
        </p>
      )}
    </section>
  );
}
