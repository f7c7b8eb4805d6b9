import type { Tallies } from "../../contract/tallies";
import type { SurveyDefinition } from "../../domain/definition";
import { localize } from "../../domain/locales";
import { t } from "../../i18n";
import { ColumnHeads } from "../components/column-heads";
import { formatPercent, formatTarget } from "./format";

/** The operating-policy table (指標 / 目標 / 実績 / 達成状況), print-ready: Print shows only it and the cards. */
export function PolicyTable(props: {
  def: SurveyDefinition;
  tallies: Tallies;
  locale: string;
  title: string;
}) {
  const { def, tallies, locale } = props;
  return (
    <section class="dashboard-section" aria-labelledby="policy-title">
      <h2 id="policy-title">
        {t("organizer.policyTitle")} — {props.title}
      </h2>
      <table class="policy-table" data-testid="policy-table">
        <ColumnHeads
          columns={[
            t("organizer.policyIndicator"),
            t("organizer.policyTarget"),
            t("organizer.policyResult"),
            t("organizer.policyStatus"),
          ]}
        />
        <tbody>
          {tallies.indicators.map((tally) => {
            const indicator = def.indicators.find((i) => i.id === tally.id);
            return (
              <tr key={tally.id}>
                <th scope="row">{indicator ? localize(indicator.label, locale) : tally.id}</th>
                <td>{formatTarget(tally.target, locale)}</td>
                <td>{tally.percent === null ? "—" : formatPercent(tally.percent, locale)}</td>
                <td>
                  {tally.verdict === "met"
                    ? t("dashboard.met")
                    : tally.verdict === "not_met"
                      ? t("dashboard.notMet")
                      : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="download-row">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t("organizer.policyPrint")}
        </button>
      </p>
    </section>
  );
}
